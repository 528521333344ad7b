import { describe, expect, it } from 'vitest';
import { accountKey, CredentialThrottle, SlidingWindow } from './credential-throttle.ts';

const MINUTE = 60_000;
const limits = { perAddress: 3, perAccount: 2, windowSeconds: 600 };

describe('CredentialThrottle', () => {
  it('refuses the attempt after the limit from one address, saying how long to wait', () => {
    const throttle = new CredentialThrottle(limits);
    for (let i = 0; i < 3; i++) expect(throttle.attempt({ address: '203.0.113.1', account: null }, i * MINUTE)).toEqual({ allowed: true });
    expect(throttle.attempt({ address: '203.0.113.1', account: null }, 3 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 7 * 60 });
  });

  it('counts different accounts tried from one address against that address', () => {
    const throttle = new CredentialThrottle(limits);
    for (const name of ['a', 'b', 'c']) expect(throttle.attempt({ address: '203.0.113.1', account: accountKey('account', name) }, 0).allowed).toBe(true);
    expect(throttle.attempt({ address: '203.0.113.1', account: accountKey('account', 'd') }, 0).allowed).toBe(false);
    expect(throttle.attempt({ address: '198.51.100.7', account: accountKey('account', 'd') }, 0).allowed).toBe(true);
  });

  it('limits one account tried from many addresses', () => {
    const throttle = new CredentialThrottle(limits);
    const target = accountKey('account', '001234567890');
    expect(throttle.attempt({ address: '203.0.113.1', account: target }, 0).allowed).toBe(true);
    expect(throttle.attempt({ address: '203.0.113.2', account: target }, 0).allowed).toBe(true);
    expect(throttle.attempt({ address: '203.0.113.3', account: target }, MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 9 * 60 });
    // however its username is typed
    expect(throttle.attempt({ address: '203.0.113.4', account: accountKey('account', ' 001234567890 ') }, MINUTE).allowed).toBe(false);
  });

  it('lets attempts back in one by one as the earliest leave the window, never all at once', () => {
    const throttle = new CredentialThrottle(limits);
    const from = { address: '203.0.113.1', account: null };
    for (const at of [0, 2, 4]) throttle.attempt(from, at * MINUTE);
    expect(throttle.attempt(from, 9 * MINUTE).allowed).toBe(false);
    expect(throttle.attempt(from, 10 * MINUTE).allowed).toBe(true);
    expect(throttle.attempt(from, 10 * MINUTE)).toEqual({ allowed: false, retryAfterSeconds: 2 * 60 });
    expect(throttle.attempt(from, 12 * MINUTE).allowed).toBe(true);
  });

  it('does not count a refused attempt, so waiting out the window is enough', () => {
    const throttle = new CredentialThrottle({ ...limits, perAddress: 1 });
    const from = { address: '203.0.113.1', account: null };
    throttle.attempt(from, 0);
    for (let minute = 1; minute < 10; minute++) expect(throttle.attempt(from, minute * MINUTE).allowed).toBe(false);
    expect(throttle.attempt(from, 10 * MINUTE).allowed).toBe(true);
  });

  it('counts nothing against the address when the account is already over its limit', () => {
    const throttle = new CredentialThrottle(limits);
    const target = accountKey('account', 'x');
    throttle.attempt({ address: '203.0.113.9', account: target }, 0);
    throttle.attempt({ address: '203.0.113.9', account: target }, 0);
    expect(throttle.attempt({ address: '203.0.113.1', account: target }, 0).allowed).toBe(false);
    for (const name of ['a', 'b', 'c']) expect(throttle.attempt({ address: '203.0.113.1', account: accountKey('account', name) }, 0).allowed).toBe(true);
  });
});

describe('SlidingWindow', () => {
  it('keeps at most maxKeys keys, dropping the least recently used first', () => {
    const window = new SlidingWindow(1, 10 * MINUTE, 2);
    window.record('a', 0);
    window.record('b', 1);
    window.record('c', 2);
    expect(window.wait('a', 3)).toBe(0);
    expect(window.wait('b', 3)).toBeGreaterThan(0);
    expect(window.wait('c', 3)).toBeGreaterThan(0);
  });
});
