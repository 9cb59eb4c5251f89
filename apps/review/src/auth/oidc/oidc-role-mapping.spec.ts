import { mapRole } from './oidc-role-mapping';

const MAP = {
  'lm-officers': 'officer',
  'lm-seniors': 'senior_officer',
  'lm-admins': 'admin',
  'lm-audit': 'auditor',
} as const;

describe(mapRole.name, () => {
  it('should map a single string claim and an array claim', () => {
    expect(mapRole('lm-officers', MAP)).toBe('officer');
    expect(mapRole(['unrelated', 'lm-audit'], MAP)).toBe('auditor');
  });

  it('should pick the most powerful mapped role when several groups map', () => {
    expect(mapRole(['lm-officers', 'lm-seniors'], MAP)).toBe('senior_officer');
    expect(mapRole(['lm-audit', 'lm-admins', 'lm-officers'], MAP)).toBe('admin');
  });

  it.each([[undefined], [null], [''], ['LM-OFFICERS'], [['other']], [42], [{ 'lm-admins': true }], [['toString']]])(
    'should map nothing for %p',
    (claim) => {
      expect(mapRole(claim, MAP)).toBeUndefined();
    },
  );
});
