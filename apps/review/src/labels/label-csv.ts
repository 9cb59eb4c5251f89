import type { LabelEntity } from './label.entity';

export const LABEL_CSV_HEADER =
  'application_id,label,source,recorded_by,recorded_at,model_version,feature_names,feature_vector\n';

/**
 * RFC 4180 quoting (fields with commas, quotes or newlines are quoted, quotes doubled), and
 * no formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return before one) as a formula, so such a cell gets a leading apostrophe (OWASP).
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

export function labelCsvRow(l: LabelEntity): string {
  return [
    l.applicationId,
    l.label,
    l.source,
    l.recordedBy,
    l.recordedAt.toISOString(),
    l.modelVersion,
    JSON.stringify(l.featureNames),
    JSON.stringify(l.featureVector),
  ]
    .map(csvField)
    .join(',')
    .concat('\n');
}
