import { useI18n } from './i18n';
import { type Locale, LOCALES } from './messages';

export function LanguagePicker() {
  const { locale, setLocale, t } = useI18n();
  return (
    <select
      className="auto-width language"
      aria-label={t('shell.language')}
      data-testid="language"
      value={locale}
      onChange={(e) => setLocale(e.target.value as Locale)}
    >
      {(Object.keys(LOCALES) as Locale[]).map((l) => (
        <option key={l} value={l} lang={l}>
          {LOCALES[l].label}
        </option>
      ))}
    </select>
  );
}
