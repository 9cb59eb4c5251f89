import { ADDRESS_KEY_MAX, normalizedAddressSchema } from '@loanmesh/contracts';

import { addressKey } from './identifier-normalizer';
import { PiiTokenizerService } from './pii-tokenizer.service';

describe(PiiTokenizerService.name, () => {
  const sut = new PiiTokenizerService({ PII_HASH_KEY: 'unit-test-key-0123456789' });

  it('should give one 32-hex token when a phone is typed in different styles', () => {
    const tokens = ['+44 20 7946 0018', '020 7946 0018', '(020) 7946-0018'].map((p) => sut.phone(p));
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('should give a different token when the key differs', () => {
    const other = new PiiTokenizerService({ PII_HASH_KEY: 'another-key-0123456789' });
    expect(other.nationalId('QQ123456C')).not.toBe(sut.nationalId('QQ123456C'));
    expect(sut.nationalId('qq 12 34 56 c')).toBe(sut.nationalId('QQ123456C'));
  });

  it('should fold street types and punctuation when building an address key', () => {
    expect(addressKey({ line1: '12 Main Street', city: 'London', postcode: 'E1 6AN' })).toBe('12 MAIN ST|LONDON|E16AN');
    expect(addressKey({ line1: '12, main st.', city: 'LONDON', postcode: 'E16AN' })).toBe('12 MAIN ST|LONDON|E16AN');
  });
});

describe(addressKey.name, () => {
  it('should fit the contract when upper-casing triples every character of the longest address', () => {
    const key = addressKey({ line1: 'ﬃ'.repeat(200), city: 'ﬃ'.repeat(100), postcode: 'ﬃ'.repeat(20) });

    expect(key).toHaveLength(ADDRESS_KEY_MAX);
    expect(normalizedAddressSchema.shape.key.parse(key)).toBe(key);
  });
});
