import type { Request } from 'express';

/**
 * The client's address for throttling and the security log. With `trustedHops` reverse
 * proxies in front, the address is the one the outermost trusted proxy saw, read from the
 * right of X-Forwarded-For; without proxies the header is ignored (a client could forge it).
 */
export function clientIpOf(request: Request, trustedHops: number): string {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (trustedHops === 0) {
    return socketAddress;
  }
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
  return (chain[chain.length - trustedHops] ?? socketAddress).slice(0, 64);
}
