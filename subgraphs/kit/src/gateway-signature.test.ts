import { describe, expect, it } from 'vitest';
import { SeenCalls, signSubgraphCall, verifySubgraphCall } from './gateway-signature.ts';
import { ANONYMOUS } from './identity.ts';
import { generateSigningKeys, importKey } from './keys.ts';

const { privateJwk, publicJwk } = await generateSigningKeys();
const [privateKey, publicKey] = await Promise.all([importKey(privateJwk), importKey(publicJwk)]);
const call = { subgraph: 'members', query: '{ me { id } }', variables: {} };
const sign = () => signSubgraphCall({ ...call, identity: ANONYMOUS, requestId: 'r-1' }, privateKey);

describe('verifySubgraphCall', () => {
  it('accepts a signed call once and refuses the same call sent again', async () => {
    const seen = new SeenCalls();
    const token = await sign();
    expect(await verifySubgraphCall(token, call, publicKey, seen)).toMatchObject({ requestId: 'r-1' });
    expect(await verifySubgraphCall(token, call, publicKey, seen)).toBeNull();
  });

  it('accepts two fetches of one request to one subgraph, each signed with its own nonce', async () => {
    const seen = new SeenCalls();
    const [first, second] = await Promise.all([sign(), sign()]);
    expect(await verifySubgraphCall(first, call, publicKey, seen)).not.toBeNull();
    expect(await verifySubgraphCall(second, call, publicKey, seen)).not.toBeNull();
  });
});

describe('SeenCalls', () => {
  it('forgets a nonce once its token has expired, so memory does not grow with time', () => {
    const seen = new SeenCalls();
    expect(seen.firstUse('a', 60_000, 0)).toBe(true);
    expect(seen.firstUse('a', 60_000, 59_999)).toBe(false);
    expect(seen.firstUse('b', 120_000, 60_000)).toBe(true);
    // 'a' was swept when 'b' came: offered again after its expiry it is new, and its token is stale anyway.
    expect(seen.firstUse('a', 120_000, 60_000)).toBe(true);
  });

  it('refuses a new call when full of unexpired nonces rather than forget one early', () => {
    const seen = new SeenCalls(2);
    expect(seen.firstUse('a', 60_000, 0)).toBe(true);
    expect(seen.firstUse('b', 60_000, 0)).toBe(true);
    expect(seen.firstUse('c', 60_000, 0)).toBe(false);
    expect(seen.firstUse('a', 60_000, 1)).toBe(false);
    expect(seen.firstUse('c', 120_000, 60_000)).toBe(true);
  });
});
