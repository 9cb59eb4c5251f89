import { z } from 'zod';

import {
  boundedMap,
  entityId,
  epochMillis,
  float32,
  freeText,
  int4,
  isoDate,
  isoInstant,
  isoMonth,
  lineText,
  money,
  StoreLimits,
  unstorableTextReason,
} from './safe-primitives';

/** The messages of a failed parse (the test fails when it parses). */
function messagesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) {
    throw new Error(`expected ${JSON.stringify(value)} to be rejected`);
  }
  return result.error.issues.map((i) => i.message);
}

describe('safe primitives', () => {
  describe(lineText.name, () => {
    const name = lineText(10);

    it.each([
      ['NUL', 'ab\u0000c', 'contains U+0000 (NUL) at position 2, which PostgreSQL text and jsonb reject'],
      [
        'a lone high surrogate',
        'a\uD800b',
        'contains an unpaired surrogate (U+D800) at position 1, which is not valid Unicode',
      ],
      [
        'a lone low surrogate',
        '\uDC00',
        'contains an unpaired surrogate (U+DC00) at position 0, which is not valid Unicode',
      ],
      [
        'a high surrogate at the end',
        'ab\uDBFF',
        'contains an unpaired surrogate (U+DBFF) at position 2, which is not valid Unicode',
      ],
      [
        'a reversed pair',
        '\uDE00\uD83D',
        'contains an unpaired surrogate (U+DE00) at position 0, which is not valid Unicode',
      ],
      ['a bell', 'a\u0007', 'contains control character U+0007 at position 1'],
      ['a newline', 'a\nb', 'contains control character U+000A at position 1'],
      ['a tab', '\tb', 'contains control character U+0009 at position 0'],
      ['DEL', 'a\u007f', 'contains control character U+007F at position 1'],
      ['a C1 control', 'a\u0085', 'contains control character U+0085 at position 1'],
    ])('should reject a value with %s', (_, value, message) => {
      expect(messagesOf(name, value)).toEqual([message]);
    });

    it('should reject empty and overlong values when the bounds are 1..10', () => {
      expect(messagesOf(name, '')).toHaveLength(1);
      expect(messagesOf(name, 'x'.repeat(11))).toHaveLength(1);
    });

    it.each([
      ['the longest value', 'x'.repeat(10)],
      ['astral characters (paired surrogates)', '😀𝕏𠀀'],
      ['combining marks', 'e\u0301\u0308a\u0323'],
      ['right-to-left text', 'שלום مرحبا'],
      ['a leading combining mark', '\u0301x'],
      ['no-break and zero-width spaces', 'a\u00a0b\u200dc'],
    ])('should accept %s', (_, value) => {
      expect(name.parse(value)).toBe(value);
    });
  });

  describe(freeText.name, () => {
    it('should accept tabs and newlines but reject NUL and other controls when the text is free', () => {
      const text = freeText(20);

      expect(text.parse('a\tb\nc')).toBe('a\tb\nc');
      expect(messagesOf(text, 'a\r\nb')).toEqual(['contains control character U+000D at position 1']);
      expect(messagesOf(text, 'a\u0000')).toEqual([
        'contains U+0000 (NUL) at position 1, which PostgreSQL text and jsonb reject',
      ]);
    });
  });

  describe(unstorableTextReason.name, () => {
    it('should give no reason when the text is storable', () => {
      expect(unstorableTextReason('Ünïcødé 😀', 'line')).toBeUndefined();
    });
  });

  describe('entityId', () => {
    it.each(['CO-000001', 'AP-L7-00000001', 'a', '0', `x${'9'.repeat(63)}`, 'c2f6e3a1-4d1b-4b8e-9c3e-3e1f5d6c7b8a'])(
      'should accept %s',
      (value) => {
        expect(entityId.parse(value)).toBe(value);
      },
    );

    it.each(['', '-lead', 'has space', 'a/b', `x${'9'.repeat(64)}`, 'nul\u0000', 'ü'])('should reject %j', (value) => {
      expect(messagesOf(entityId, value)).toHaveLength(1);
    });
  });

  describe('isoDate', () => {
    it.each(['2024-02-29', '1900-01-01', '2100-12-31'])('should accept %s', (value) => {
      expect(isoDate.parse(value)).toBe(value);
    });

    it.each([
      ['2025-02-30', 'expected a real calendar date YYYY-MM-DD'],
      ['2025-02-29', 'expected a real calendar date YYYY-MM-DD'],
      ['2025-13-01', 'expected a real calendar date YYYY-MM-DD'],
      ['2025-04-31', 'expected a real calendar date YYYY-MM-DD'],
      ['2025-1-01', 'expected a real calendar date YYYY-MM-DD'],
      ['1899-12-31', 'year must be between 1900 and 2100'],
      ['2101-01-01', 'year must be between 1900 and 2100'],
      ['0000-01-01', 'year must be between 1900 and 2100'],
    ])('should reject %s', (value, message) => {
      expect(messagesOf(isoDate, value)).toEqual([message]);
    });
  });

  describe('isoInstant', () => {
    it.each([
      '2025-01-31T23:59:59Z',
      '2025-01-31T23:59:59.123456+05:30',
      '2100-12-31T23:59:59.999-12:00',
      '1900-01-01T00:00:00.123456789+14:00',
    ])('should accept %s', (value) => {
      expect(isoInstant.parse(value)).toBe(value);
    });

    it.each([
      ['2025-02-30T00:00:00Z', 'expected an ISO 8601 instant with Z or an offset'],
      ['2025-01-01T24:00:00Z', 'expected an ISO 8601 instant with Z or an offset'],
      ['2025-01-01T00:00:00', 'expected an ISO 8601 instant with Z or an offset'],
      ['2025-01-01', 'expected an ISO 8601 instant with Z or an offset'],
      ['1899-12-31T23:59:59Z', 'year must be between 1900 and 2100'],
      ['2101-01-01T00:00:00Z', 'year must be between 1900 and 2100'],
      ['2025-01-01T00:00:00+14:01', 'offset must be between -12:00 and +14:00'],
      ['2025-01-01T00:00:00-12:01', 'offset must be between -12:00 and +14:00'],
      ['2025-01-01T00:00:00+16:00', 'offset must be between -12:00 and +14:00'],
    ])('should reject %s', (value, message) => {
      expect(messagesOf(isoInstant, value)).toEqual([message]);
    });
  });

  describe('isoMonth', () => {
    it('should accept real months in range and reject the rest', () => {
      expect(isoMonth.parse('2025-12')).toBe('2025-12');
      expect(isoMonth.parse('1900-01')).toBe('1900-01');
      for (const bad of ['2025-13', '2025-00', '1899-12', '2101-01', '2025-1']) {
        expect(messagesOf(isoMonth, bad)).toEqual(['expected a month YYYY-MM (1900-2100)']);
      }
    });
  });

  describe(int4.name, () => {
    const version = int4();

    it('should accept 0 and the int4 maximum', () => {
      expect(version.parse(0)).toBe(0);
      expect(version.parse(StoreLimits.int4Max)).toBe(2_147_483_647);
    });

    it.each([[2_147_483_648], [-1], [1.5], [Number.MAX_SAFE_INTEGER], [Infinity], [NaN]])(
      'should reject %d',
      (value) => {
        expect(messagesOf(version, value).length).toBeGreaterThan(0);
      },
    );

    it('should say the number is not finite when JSON.parse overflowed to Infinity', () => {
      const overflowed = (JSON.parse('{"v":1e400}') as { v: number }).v;

      expect(messagesOf(version, overflowed)).toEqual(['expected a finite number']);
    });
  });

  describe('money', () => {
    it('should accept zero, cents and the bound', () => {
      expect(money.parse(0)).toBe(0);
      expect(money.parse(0.01)).toBe(0.01);
      expect(money.parse(StoreLimits.moneyMax)).toBe(1e13);
    });

    it.each([[-0.01], [1e13 + 1], [Infinity], [-Infinity]])('should reject %d', (value) => {
      expect(messagesOf(money, value)).toHaveLength(1);
    });
  });

  describe('float32', () => {
    it('should reject values a float32 tensor would turn into Infinity', () => {
      expect(float32.parse(-StoreLimits.float32Max)).toBe(-StoreLimits.float32Max);
      expect(messagesOf(float32, 3.5e38)).toHaveLength(1);
    });
  });

  describe('epochMillis', () => {
    it('should accept instants inside 1900..2100 only', () => {
      expect(epochMillis.parse(Date.UTC(2025, 0, 1))).toBe(Date.UTC(2025, 0, 1));
      expect(messagesOf(epochMillis, Date.UTC(2101, 0, 1))).toHaveLength(1);
      expect(messagesOf(epochMillis, Date.UTC(1899, 11, 31))).toHaveLength(1);
    });
  });

  describe(boundedMap.name, () => {
    it('should reject a map with more entries than its bound', () => {
      const map = boundedMap(z.string(), z.number(), 2);

      expect(map.parse({ a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
      expect(messagesOf(map, { a: 1, b: 2, c: 3 })).toEqual(['must have at most 2 entries']);
    });
  });
});
