import { cookieValue, OidcTransactionSealer } from './oidc-transaction';

const TX = { state: 's-1', nonce: 'n-1', codeVerifier: 'v-1', expiresAt: 1_700_000_000_000 };

describe(OidcTransactionSealer.name, () => {
  const sealer = new OidcTransactionSealer('a-review-secret-of-some-length-0123');

  it('should open what it sealed, and not show the values in the sealed form', () => {
    const sealed = sealer.seal(TX);
    expect(sealer.open(sealed)).toEqual(TX);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('n-1');
  });

  it('should refuse a sealed transaction with any byte changed, cut short, or sealed under another secret', () => {
    const sealed = Buffer.from(sealer.seal(TX), 'base64url');
    for (let i = 0; i < sealed.length; i++) {
      const altered = Buffer.from(sealed);
      altered[i] ^= 0x01;
      expect(sealer.open(altered.toString('base64url'))).toBeUndefined();
    }
    expect(sealer.open(sealed.subarray(0, 20).toString('base64url'))).toBeUndefined();
    expect(sealer.open('')).toBeUndefined();
    expect(new OidcTransactionSealer('another-secret-entirely-0123456789').open(sealer.seal(TX))).toBeUndefined();
  });
});

describe(cookieValue.name, () => {
  it('should find a cookie by exact name among others', () => {
    expect(cookieValue('a=1; loanmesh_oidc_tx=abc; b=2', 'loanmesh_oidc_tx')).toBe('abc');
    expect(cookieValue('xloanmesh_oidc_tx=abc', 'loanmesh_oidc_tx')).toBeUndefined();
    expect(cookieValue(undefined, 'loanmesh_oidc_tx')).toBeUndefined();
  });
});
