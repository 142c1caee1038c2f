import { describe, expect, it } from 'vitest';
import { formatIpAddress, inRange, parseIpAddress, parseIpRange } from './ip-address.js';

const canonical = (text: string) => {
  const ip = parseIpAddress(text);
  return ip ? formatIpAddress(ip) : null;
};

describe('parseIpAddress', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' 203.0.113.9:40130', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['[::ffff:203.0.113.9]:443', '203.0.113.9'],
    ['::FFFF:CB00:7109', '203.0.113.9'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['[2001:db8::1]:8080', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:db8:1:0:0:1:0:0', '2001:db8:1::1:0:0'],
    ['::', '::'],
  ])('reads %s as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it.each(['unknown', '', '256.1.1.1', '1.2.3', '203.0.113.9:port', '2001:db8::1::2', '1:2:3:4:5:6:7:8:9', '_gateway', '203.0.113.9, 10.0.0.1'])('rejects %j', (text) => {
    expect(parseIpAddress(text)).toBeNull();
  });
});

describe('parseIpRange', () => {
  it('matches addresses inside a CIDR range only', () => {
    const range = parseIpRange('10.0.0.0/8')!;
    expect(inRange(parseIpAddress('10.200.3.4')!, range)).toBe(true);
    expect(inRange(parseIpAddress('11.0.0.1')!, range)).toBe(false);
    expect(inRange(parseIpAddress('::ffff:10.1.1.1')!, range)).toBe(true);
    const v6 = parseIpRange('2001:db8::/32')!;
    expect(inRange(parseIpAddress('2001:db8:ffff::1')!, v6)).toBe(true);
    expect(inRange(parseIpAddress('2001:db9::1')!, v6)).toBe(false);
    expect(inRange(parseIpAddress('10.0.0.1')!, v6)).toBe(false);
  });

  it.each(['10.0.0.0/33', '10.0.0.0/', 'fd00::/129', 'localhost', '10.0.0.0/8/8'])('rejects %s', (text) => {
    expect(parseIpRange(text)).toBeNull();
  });
});
