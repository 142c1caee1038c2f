/**
 * Client addresses as they arrive: from the socket ("::ffff:203.0.113.9"), from X-Forwarded-For
 * ("203.0.113.9:40130", "[2001:db8::1]:443", " unknown") or from an edge header. Parsed into one
 * canonical form, so that one client is one client whatever port or notation it arrives with.
 */
export type IpAddress = { version: 4; value: number } | { version: 6; value: bigint };

/** Parses an address with an optional port and brackets; null when it is none. */
export function parseIpAddress(text: string): IpAddress | null {
  let s = text.trim();
  if (s.length === 0 || s.length > 64) return null;
  const bracketed = /^\[([^\]]{1,50})\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]{7,15}:\d{1,5}$/.test(s)) s = s.slice(0, s.lastIndexOf(':'));
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = parseIpv4(s);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = parseIpv6(s);
  if (v6 === null) return null;
  // IPv4-mapped IPv6 (::ffff:a.b.c.d), as dual-stack sockets report IPv4 clients.
  if (v6 >> 32n === 0xffffn) return { version: 4, value: Number(v6 & 0xffffffffn) };
  return { version: 6, value: v6 };
}

export function formatIpAddress(ip: IpAddress): string {
  if (ip.version === 4) return [24, 16, 8, 0].map((shift) => (ip.value >>> shift) & 255).join('.');
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  // RFC 5952: the longest run of two or more zero groups becomes "::".
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length) best = { at: i, length: j - i };
  }
  if (best.at < 0) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.length).join(':')}`;
}

/** The first `bits` bits of the address, the rest zeroed. */
export function networkOf(ip: IpAddress, bits: number): IpAddress {
  if (ip.version === 4) return { version: 4, value: bits === 0 ? 0 : (ip.value & (~0 << (32 - bits))) >>> 0 };
  const mask = ((1n << BigInt(bits)) - 1n) << BigInt(128 - bits);
  return { version: 6, value: ip.value & mask };
}

export interface IpRange {
  network: IpAddress;
  bits: number;
}

/** "10.0.0.0/8", "2001:db8::/32" or a single address; null when it is neither. */
export function parseIpRange(text: string): IpRange | null {
  const [address = '', prefix, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const ip = parseIpAddress(address);
  if (!ip) return null;
  const max = ip.version === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
  if (!(bits >= 0 && bits <= max)) return null;
  return { network: networkOf(ip, bits), bits };
}

export function inRange(ip: IpAddress, range: IpRange): boolean {
  if (ip.version !== range.network.version) return false;
  return networkOf(ip, range.bits).value === range.network.value;
}

function parseIpv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function parseIpv6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:.]{2,45}$/.test(s)) return null;
  let head = s;
  // An embedded IPv4 tail ("::ffff:1.2.3.4") stands for the last two groups.
  if (s.includes('.')) {
    const lastColon = s.lastIndexOf(':');
    const v4 = parseIpv4(s.slice(lastColon + 1));
    if (v4 === null) return null;
    head = `${s.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const split = (part: string) => (part === '' ? [] : part.split(':'));
  const left = split(halves[0]!);
  const right = halves.length === 2 ? split(halves[1]!) : [];
  const given = left.length + right.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  const groups = [...left, ...Array(8 - given).fill('0'), ...right];
  let value = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    value = (value << 16n) | BigInt(parseInt(g, 16));
  }
  return value;
}
