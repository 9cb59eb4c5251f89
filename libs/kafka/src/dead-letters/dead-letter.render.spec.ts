import { renderValue } from './dead-letter.render';

describe(renderValue.name, () => {
  it('should pretty-print JSON with personal fields masked when the value parses', () => {
    const lines = renderValue(
      Buffer.from(JSON.stringify({ payload: { phone: '+44 20 7946 0018', region: 'London' } })),
    );

    expect(lines.join('\n')).toContain('"phone": "+***8"');
    expect(lines.join('\n')).toContain('"region": "London"');
  });

  it('should show an escaped preview with digit runs masked when the value is text but not JSON', () => {
    const lines = renderValue(Buffer.from('{"phone": "+44 20 7946 0018", broken\n'));

    expect(lines[0]).toBe('not JSON:');
    expect(lines[1]).toContain('\\n');
    expect(lines[1]).not.toContain('7946');
  });

  it('should show hex when the value is binary', () => {
    expect(renderValue(Buffer.from([0x00, 0x01, 0xff]))).toEqual(['binary, hex:', '0001ff']);
  });

  it('should say so when the value is a tombstone', () => {
    expect(renderValue(null)).toEqual(['(null: a tombstone)']);
  });
});
