import { AuskunftError } from '@auskunft/core';
import { formatIpAddress, inRange, networkOf, parseIpAddress, parseIpRange, type IpAddress, type IpRange } from './ip-address.js';

export interface TrustedProxyOptions {
  /** Take the client from X-Forwarded-For at all (`server.trustProxy`). */
  trustProxy: boolean;
  /** Proxies in front of the server, each appending the address it saw (`server.trustProxyHops`). */
  hops: number;
  /** Addresses or ranges of the operator's proxies (`server.trustedProxies`); replaces `hops`. */
  trustedProxies: readonly string[];
}

/**
 * Finds the client's address behind reverse proxies. X-Forwarded-For is a list each proxy
 * appends to, so only its right end is written by proxies the operator runs; the left end is
 * whatever the client sent. The client is therefore the entry that the outermost trusted proxy
 * added: `hops` places from the right, or the first from the right that is not one of
 * `trustedProxies` (when the connection itself comes from one of them). Entries are parsed
 * (ports, brackets, IPv4-mapped IPv6), so one client is one client.
 */
export function createClientAddressResolver(options: TrustedProxyOptions): (peer: string | null, forwardedFor: string | undefined) => IpAddress | null {
  const ranges = options.trustedProxies.map((text): IpRange => {
    const range = parseIpRange(text);
    if (!range) throw new AuskunftError('CONFIG_INVALID', `server.trustedProxies: "${text}" is no IP address or CIDR range (e.g. 10.0.0.0/8, 2001:db8::/32).`);
    return range;
  });
  const trusted = (ip: IpAddress) => ranges.some((r) => inRange(ip, r));
  return (peer, forwardedFor) => {
    const direct = peer === null ? null : parseIpAddress(peer);
    if (!forwardedFor || (!options.trustProxy && ranges.length === 0)) return direct;
    // Bounded: a header of thousands of entries costs no more than the last few.
    const entries = forwardedFor.split(',').slice(-32).reverse();
    if (ranges.length > 0) {
      if (direct && !trusted(direct)) return direct;
      for (const entry of entries) {
        const ip = parseIpAddress(entry);
        if (!ip) return null;
        if (!trusted(ip)) return ip;
      }
      return null;
    }
    const entry = entries[Math.min(options.hops, entries.length) - 1];
    return entry === undefined ? direct : parseIpAddress(entry);
  };
}

/**
 * Key for rate limiting: the address, except IPv6 by its /64, since one household or phone gets a
 * whole /64 and can change the rest at will.
 */
export function rateLimitAddress(ip: IpAddress): string {
  return ip.version === 4 ? formatIpAddress(ip) : `${formatIpAddress(networkOf(ip, 64))}/64`;
}

/** The network part only (IPv4 /24, IPv6 /48), for logs that may show where load comes from. */
export function truncatedNetwork(ip: IpAddress | null): string {
  if (!ip) return 'unknown';
  return ip.version === 4 ? `${formatIpAddress(networkOf(ip, 24))}/24` : `${formatIpAddress(networkOf(ip, 48))}/48`;
}
