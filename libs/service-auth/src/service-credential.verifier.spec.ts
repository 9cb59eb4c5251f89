import { generateKeyPairSync } from 'node:crypto';

import { ServiceAuthException } from './service-auth.exception';
import { ServiceCredentialIssuer, signCompact } from './service-credential.issuer';
import { ServiceCredentialVerifier } from './service-credential.verifier';
import { parseTrustedKeys, publicKeyText } from './service-keys';

const NOW = 1_800_000_000;
const review = generateKeyPairSync('ed25519');
const graph = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');

const trusted = parseTrustedKeys(
  `review-1=review:${publicKeyText(review.publicKey)}, graph-1=graph:${publicKeyText(graph.publicKey)}`,
);
const verifier = (now = NOW): ServiceCredentialVerifier =>
  new ServiceCredentialVerifier({ audience: 'inference', trustedKeys: trusted, clockSkewSeconds: 10, now: () => now });
const reviewIssuer = new ServiceCredentialIssuer({
  issuer: 'review',
  keyId: 'review-1',
  privateKey: review.privateKey,
  ttlSeconds: 60,
  now: () => NOW,
});

function refusal(fn: () => unknown): { code: string; kind: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof ServiceAuthException) {
      return { code: e.code, kind: e.kind };
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('ServiceCredentialVerifier', () => {
  it('should accept a credential signed by a trusted key for this audience and return its claims', () => {
    const token = reviewIssuer.issue({ audience: 'inference', subject: 'alice', roles: ['risk_manager'] });
    expect(verifier().verify(token)).toMatchObject({
      iss: 'review',
      sub: 'alice',
      aud: 'inference',
      iat: NOW,
      exp: NOW + 60,
      roles: ['risk_manager'],
    });
  });

  it('should refuse a forged signature (same header and claims, signed by another key)', () => {
    const token = reviewIssuer.issue({ audience: 'inference' });
    const [h, p] = token.split('.');
    const forged = signCompact(
      JSON.parse(Buffer.from(h, 'base64url').toString()) as object,
      JSON.parse(Buffer.from(p, 'base64url').toString()) as object,
      stranger.privateKey,
    );
    expect(refusal(() => verifier().verify(forged))).toEqual({
      code: 'SERVICE_CREDENTIAL_BAD_SIGNATURE',
      kind: 'UNAUTHORIZED',
    });
  });

  it('should refuse claims changed after signing', () => {
    const [h, , s] = reviewIssuer.issue({ audience: 'inference', subject: 'alice' }).split('.');
    const claims = { iss: 'review', sub: 'mallory', aud: 'inference', iat: NOW, exp: NOW + 60, jti: 'x' };
    const tampered = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    expect(refusal(() => verifier().verify(tampered)).code).toBe('SERVICE_CREDENTIAL_BAD_SIGNATURE');
  });

  it('should refuse a credential for another audience', () => {
    const token = reviewIssuer.issue({ audience: 'graph' });
    expect(refusal(() => verifier().verify(token)).code).toBe('SERVICE_CREDENTIAL_WRONG_AUDIENCE');
  });

  it('should refuse an expired credential once the clock skew has passed, and accept it within the skew', () => {
    const token = reviewIssuer.issue({ audience: 'inference' });
    expect(verifier(NOW + 65).verify(token).iss).toBe('review');
    expect(refusal(() => verifier(NOW + 70).verify(token)).code).toBe('SERVICE_CREDENTIAL_EXPIRED');
  });

  it('should refuse a credential issued in the future or living longer than the maximum', () => {
    const future = reviewIssuer.issue({ audience: 'inference' });
    expect(refusal(() => verifier(NOW - 60).verify(future)).code).toBe('SERVICE_CREDENTIAL_MALFORMED');
    const long = signCompact(
      { alg: 'EdDSA', kid: 'review-1' },
      { iss: 'review', sub: 'review', aud: 'inference', iat: NOW, exp: NOW + 3600, jti: 'j' },
      review.privateKey,
    );
    expect(refusal(() => verifier().verify(long)).code).toBe('SERVICE_CREDENTIAL_MALFORMED');
  });

  it('should refuse an unknown key id', () => {
    const token = new ServiceCredentialIssuer({
      issuer: 'review',
      keyId: 'review-9',
      privateKey: review.privateKey,
      ttlSeconds: 60,
      now: () => NOW,
    }).issue({ audience: 'inference' });
    expect(refusal(() => verifier().verify(token)).code).toBe('SERVICE_CREDENTIAL_UNKNOWN_KEY');
  });

  it('should refuse a key signing for an issuer it is not bound to (graph key claiming review)', () => {
    const token = new ServiceCredentialIssuer({
      issuer: 'review',
      keyId: 'graph-1',
      privateKey: graph.privateKey,
      ttlSeconds: 60,
      now: () => NOW,
    }).issue({ audience: 'inference' });
    expect(refusal(() => verifier().verify(token)).code).toBe('SERVICE_CREDENTIAL_WRONG_ISSUER');
  });

  it.each([
    ['alg none', `${Buffer.from('{"alg":"none","kid":"review-1"}').toString('base64url')}.e30.`],
    ['HS256', signCompact({ alg: 'HS256', kid: 'review-1' }, { iss: 'review' }, review.privateKey)],
    ['two parts', 'abc.def'],
    ['garbage', 'not a token at all'],
  ])('should refuse a malformed credential (%s)', (_name, token) => {
    expect(refusal(() => verifier().verify(token)).code).toBe('SERVICE_CREDENTIAL_MALFORMED');
  });
});

describe('parseTrustedKeys', () => {
  it('should name the entry that is not a key and refuse duplicates', () => {
    expect(() => parseTrustedKeys('a=review:bm90LWEta2V5')).toThrow('trusted key a: not an Ed25519 public key');
    const pub = publicKeyText(review.publicKey);
    expect(() => parseTrustedKeys(`a=${pub},a=${pub}`)).toThrow('listed twice');
    expect(() => parseTrustedKeys(' , ')).toThrow('at least one');
  });
});
