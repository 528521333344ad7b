import { createHmac } from 'node:crypto';
import { importJWK, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { describe, expect, it } from 'vitest';
import { operationHash, SeenCalls, signSubgraphCall, verifySubgraphCall } from './gateway-signature.ts';
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

const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({
  grants: [],
  partner: null,
  rid: 'r-1',
  qh: operationHash(call.query, call.variables),
  jti: crypto.randomUUID(),
  iss: 'dangvu-gateway',
  aud: call.subgraph,
  sub: '',
  iat: now(),
  exp: now() + 60,
  ...overrides,
});
/** A token made by jose, as any JWT library would make it, with `header` and `claims`. */
const joseToken = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'EdDSA' }) =>
  new SignJWT(payload).setProtectedHeader(header as never).sign(privateKey);
const verifyOnce = (token: string) => verifySubgraphCall(token, call, publicKey, new SeenCalls());
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the signed header', () => {
  it('is a standard JWT that another library verifies', async () => {
    const { payload, protectedHeader } = await jwtVerify(await sign(), publicKey, { issuer: 'dangvu-gateway', audience: 'members' });
    expect(protectedHeader).toEqual({ alg: 'EdDSA' });
    expect(payload).toMatchObject({ rid: 'r-1', qh: operationHash(call.query, call.variables) });
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it('is made alike with an extractable key (node:crypto, as the gateway signs) and a non-extractable one (WebCrypto)', async () => {
    const gatewayKey = (await importJWK(privateJwk, 'EdDSA', { extractable: true })) as CryptoKey;
    const token = await signSubgraphCall({ ...call, identity: ANONYMOUS, requestId: 'r-2' }, gatewayKey);
    expect(await verifyOnce(token)).toMatchObject({ requestId: 'r-2' });
    expect(token.split('.')[0]).toBe((await sign()).split('.')[0]);
  });

  it('accepts a call another library signed with the gateway key and the same header', async () => {
    expect(await verifyOnce(await joseToken(claims()))).toMatchObject({ requestId: 'r-1' });
  });

  it('refuses a token whose claims were changed after signing', async () => {
    const [header, , signature] = (await sign()).split('.');
    const forged = base64url(claims({ grants: [{ role: 'ADMIN', orgId: 'o', orgPath: '/o/' }] }));
    expect(await verifyOnce(`${header}.${forged}.${signature}`)).toBeNull();
  });

  it('refuses a signature spelled with characters base64url decoding would skip', async () => {
    const token = await sign();
    expect(await verifyOnce(`${token}*`)).toBeNull();
  });

  it('refuses an unsigned token (alg none)', async () => {
    expect(await verifyOnce(`${base64url({ alg: 'none' })}.${base64url(claims())}.`)).toBeNull();
  });

  it('refuses a token signed with HMAC over the public key, whatever header it names', async () => {
    const secret = JSON.stringify(publicJwk);
    for (const header of [{ alg: 'HS256' }, { alg: 'EdDSA' }]) {
      const signed = `${base64url(header)}.${base64url(claims())}`;
      const mac = createHmac('sha256', secret).update(signed).digest('base64url');
      expect(await verifyOnce(`${signed}.${mac}`)).toBeNull();
    }
  });

  it('refuses a header with anything more than the algorithm', async () => {
    expect(await verifyOnce(await joseToken(claims(), { alg: 'EdDSA', kid: 'k' }))).toBeNull();
  });

  it.each([
    ['expired', { exp: now() - 1, iat: now() - 61 }],
    ['issued more than a minute ago', { iat: now() - 61 }],
    ['issued in the future', { iat: now() + 5, exp: now() + 65 }],
    ['from another issuer', { iss: 'dangvu-members' }],
    ['for another subgraph', { aud: 'dues' }],
    ['for another document', { qh: operationHash('{ __typename }', {}) }],
    ['without a nonce', { jti: '' }],
  ])('refuses a token %s', async (_case, overrides) => {
    expect(await verifyOnce(await joseToken(claims(overrides)))).toBeNull();
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
