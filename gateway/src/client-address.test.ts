import { describe, expect, it } from 'vitest';
import { addressBucket, clientAddress, parseAddressList, trustedProxies } from './client-address.ts';

const trusted = trustedProxies(['127.0.0.1', '::1', '10.0.0.0/8']);

describe('clientAddress', () => {
  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.5', '198.51.100.1', trusted)).toBe('203.0.113.5');
  });

  it('is the address a trusted proxy forwarded', () => {
    expect(clientAddress('127.0.0.1', '203.0.113.5', trusted)).toBe('203.0.113.5');
    expect(clientAddress('::ffff:127.0.0.1', '203.0.113.5', trusted)).toBe('203.0.113.5');
  });

  it('skips trusted proxies from the right and ignores what the client wrote to their left', () => {
    expect(clientAddress('127.0.0.1', '1.1.1.1, 203.0.113.5, 10.1.2.3', trusted)).toBe('203.0.113.5');
    expect(clientAddress('127.0.0.1', ['1.1.1.1', '203.0.113.5'], trusted)).toBe('203.0.113.5');
  });

  it('stops at an entry that is not an address, keeping the last one a trusted proxy vouched for', () => {
    expect(clientAddress('127.0.0.1', 'attacker, 10.1.2.3', trusted)).toBe('10.1.2.3');
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
  });
});

describe('addressBucket', () => {
  it('counts an IPv6 client by its /64 network and an IPv4 client by its address', () => {
    expect(addressBucket('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('203.0.113.5')).toBe('203.0.113.5');
  });
});

describe('parseAddressList', () => {
  it('reads addresses and CIDR ranges and names every entry that is neither', () => {
    expect(parseAddressList(' 127.0.0.1, ::1 ,10.0.0.0/8,')).toEqual({ entries: ['127.0.0.1', '::1', '10.0.0.0/8'] });
    expect(parseAddressList('127.0.0.1, web, 10.0.0.0/33, ::1/129, 1.2.3.4/8/1')).toEqual({ bad: ['web', '10.0.0.0/33', '::1/129', '1.2.3.4/8/1'] });
  });
});
