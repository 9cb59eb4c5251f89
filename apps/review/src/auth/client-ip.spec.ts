import type { Request } from 'express';

import { clientIpOf } from './client-ip';

const request = (forwarded?: string): Request =>
  ({ socket: { remoteAddress: '10.0.0.9' }, headers: { 'x-forwarded-for': forwarded } }) as unknown as Request;

describe(clientIpOf.name, () => {
  it('should ignore X-Forwarded-For when no proxy is trusted', () => {
    expect(clientIpOf(request('1.2.3.4'), 0)).toBe('10.0.0.9');
  });

  it('should take the address the trusted proxy saw when a client prepends forged entries', () => {
    expect(clientIpOf(request('6.6.6.6, 1.2.3.4'), 1)).toBe('1.2.3.4');
    expect(clientIpOf(request('6.6.6.6, 1.2.3.4, 10.1.1.1'), 2)).toBe('1.2.3.4');
  });

  it('should fall back to the socket address when the header is missing', () => {
    expect(clientIpOf(request(), 1)).toBe('10.0.0.9');
  });
});
