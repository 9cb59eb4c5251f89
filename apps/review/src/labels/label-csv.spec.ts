import { csvField } from './label-csv';

describe(csvField.name, () => {
  it('should defuse a cell a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+1+1')).toBe("'+1+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1')).toBe("'\t=1");
  });

  it('should leave ordinary values as they are and quote per RFC 4180', () => {
    expect(csvField('officer1')).toBe('officer1');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('[0.5,-1]')).toBe('"[0.5,-1]"');
  });
});
