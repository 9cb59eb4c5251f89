import { z } from 'zod';

import { DNS_NAMESPACE, uuidV5 } from './name-based-uuid';

describe(uuidV5.name, () => {
  it('should match the published version-5 vectors when given the DNS namespace', () => {
    // Python's uuid.uuid5(uuid.NAMESPACE_DNS, name), the reference most libraries test against.
    expect(uuidV5('python.org', DNS_NAMESPACE)).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('should give a valid version-5 UUID that the contracts accept when the name is arbitrary', () => {
    const id = uuidV5('backlog/123', DNS_NAMESPACE);

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.string().uuid().safeParse(id).success).toBe(true);
  });

  it('should give different ids when the name or the namespace differ', () => {
    const other = uuidV5('x', DNS_NAMESPACE);

    expect(uuidV5('y', DNS_NAMESPACE)).not.toBe(other);
    expect(uuidV5('x', other)).not.toBe(other);
  });

  it('should reject a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});
