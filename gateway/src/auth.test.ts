import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ACCESS_TOKEN_SECONDS, generateSigningKeys, HttpRejection, importKey, signAccessToken, verifyAccessToken, type Identity, type KeyPairJwk } from '@dangvu/subgraph-kit';
import { membersKeys } from '@dangvu/subgraph-members';
import { describe, expect, it } from 'vitest';
import { accessTokenKeys, accessTokenPublicKeysVariable, callerCheck } from './auth.ts';
import type { SessionCheck, SessionState } from './session-check.ts';

const person = { personId: '00000000-0000-4000-8000-000000000001', grants: [] };
const SESSION = '00000000-0000-4000-8000-0000000000aa';
/** A person's token as the members subgraph's login signs it, with its key id and session. */
const tokenOf = async (pair: KeyPairJwk, issuedAt = new Date()) => {
  const { authSigner } = await membersKeys({ authPrivateKey: pair.privateJwk, secretsKey: randomBytes(32) });
  return (await authSigner.sign(person, SESSION, issuedAt)).token;
};

/** The kit's verification, counted. */
function countedVerify(): { calls: number; verify: typeof verifyAccessToken } {
  const counted = { calls: 0, verify: (token: string, key: Parameters<typeof verifyAccessToken>[1]) => (counted.calls++, verifyAccessToken(token, key)) };
  return counted;
}
const request = (token: string) => ({ headers: { authorization: `Bearer ${token}` } }) as IncomingMessage;

/** A session check that answers `state` and counts the questions. */
function sessions(state: SessionState) {
  const asked: string[] = [];
  const check: SessionCheck = { state: async (_token, sid) => (asked.push(sid), state) };
  return { check, asked };
}

describe('the gateway’s token check', () => {
  it('accepts tokens of the old key and the new one while both are held, each found by its key id', async () => {
    const [old, next] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
    const keys = await accessTokenKeys({ keys: [next.publicJwk, old.publicJwk] });
    const identify = callerCheck({ keys, sessions: sessions('ACTIVE').check });
    for (const pair of [old, next]) {
      expect(await identify(request(await tokenOf(pair)), 'r')).toMatchObject({ personId: person.personId });
    }
    // Once the old key is dropped, its tokens are refused.
    const afterwards = callerCheck({ keys: await accessTokenKeys(next.publicJwk), sessions: sessions('ACTIVE').check });
    expect(await afterwards(request(await tokenOf(old)), 'r')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('tries a token that names no key (a partner’s) against each key held', async () => {
    const [old, next] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
    const partner: Identity = { personId: null, grants: [], partner: { clientId: 'c', scopes: ['members:read'] } };
    const token = await signAccessToken(partner, await importKey(old.privateJwk));
    const { check, asked } = sessions('ENDED');
    const identify = callerCheck({ keys: await accessTokenKeys({ keys: [next.publicJwk, old.publicJwk] }), sessions: check });
    expect(await identify(request(token), 'r')).toEqual(partner);
    expect(asked).toEqual([]);
  });

  it.each([
    ['ENDED', /kết thúc/],
    ['GRANTS_CHANGED', /thay đổi/],
  ] as const)('refuses a token whose session is %s with 401', async (state, message) => {
    const pair = await generateSigningKeys();
    const { check, asked } = sessions(state);
    const answer = await callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: check })(request(await tokenOf(pair)), 'r');
    expect(answer).toBeInstanceOf(HttpRejection);
    expect(answer).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: expect.stringMatching(message) });
    expect(asked).toEqual([SESSION]);
  });

  it('answers 503 when the members subgraph cannot say whether the session is open', async () => {
    const pair = await generateSigningKeys();
    const failing: SessionCheck = { state: () => Promise.reject(new Error('down')) };
    const answer = await callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: failing })(request(await tokenOf(pair)), 'r');
    expect(answer).toMatchObject({ status: 503 });
  });

  describe('a token verified once', () => {
    it('is not verified again on its next requests, and its session is still asked about on each', async () => {
      const pair = await generateSigningKeys();
      const counted = countedVerify();
      const { check, asked } = sessions('ACTIVE');
      const identify = callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: check, verify: counted.verify });
      const token = await tokenOf(pair);
      for (let i = 0; i < 3; i++) expect(await identify(request(token), 'r')).toMatchObject({ personId: person.personId });
      expect(counted.calls).toBe(1);
      expect(asked).toEqual([SESSION, SESSION, SESSION]);
    });

    it('is refused once its session ends, though its signature is remembered', async () => {
      const pair = await generateSigningKeys();
      let state: SessionState = 'ACTIVE';
      const check: SessionCheck = { state: async () => state };
      const identify = callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: check });
      const token = await tokenOf(pair);
      expect(await identify(request(token), 'r')).toMatchObject({ personId: person.personId });
      state = 'ENDED';
      expect(await identify(request(token), 'r')).toMatchObject({ status: 401, message: expect.stringMatching(/kết thúc/) });
    });

    it('is refused as expired from its expiry on', async () => {
      const pair = await generateSigningKeys();
      const issuedAt = new Date();
      let clock = issuedAt.getTime();
      const identify = callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: sessions('ACTIVE').check, now: () => clock });
      const token = await tokenOf(pair, issuedAt);
      expect(await identify(request(token), 'r')).toMatchObject({ personId: person.personId });
      clock = Math.floor(issuedAt.getTime() / 1000) * 1000 + ACCESS_TOKEN_SECONDS * 1000;
      expect(await identify(request(token), 'r')).toMatchObject({ status: 401, message: expect.stringMatching(/hết hạn/) });
    });

    it('vouches for no other token: one with its claims and another signature is verified, and refused', async () => {
      const pair = await generateSigningKeys();
      const counted = countedVerify();
      const identify = callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: sessions('ACTIVE').check, verify: counted.verify });
      const token = await tokenOf(pair);
      await identify(request(token), 'r');
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const altered = `${header}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
      expect(await identify(request(altered), 'r')).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
      expect(counted.calls).toBe(2);
    });

    it('hands every request an identity none of them can change for the others', async () => {
      const pair = await generateSigningKeys();
      const identify = callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: sessions('ACTIVE').check });
      const token = await tokenOf(pair);
      const first = (await identify(request(token), 'r')) as Identity;
      expect(() => (first.grants as unknown[]).push({ role: 'SECRETARY' })).toThrow(TypeError);
      expect(await identify(request(token), 'r')).toMatchObject({ grants: [] });
    });

    it('keeps at most its capacity, the oldest going first', async () => {
      const pair = await generateSigningKeys();
      const counted = countedVerify();
      const identify = callerCheck({ keys: await accessTokenKeys(pair.publicJwk), sessions: sessions('ACTIVE').check, verify: counted.verify, capacity: 2 });
      const [a, b, c] = await Promise.all([tokenOf(pair, new Date(Date.now() - 2000)), tokenOf(pair, new Date(Date.now() - 1000)), tokenOf(pair)]);
      for (const token of [a, b, c, b, c]) await identify(request(token), 'r');
      expect(counted.calls).toBe(3);
      await identify(request(a), 'r');
      expect(counted.calls).toBe(4);
    });
  });

  it('reads AUTH_PUBLIC_KEY as one key or as a set of them, and nothing else', async () => {
    const [one, two] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
    expect(accessTokenPublicKeysVariable.parse(JSON.stringify(one.publicJwk))).toEqual(one.publicJwk);
    const set = { keys: [one.publicJwk, two.publicJwk] };
    expect(accessTokenPublicKeysVariable.parse(JSON.stringify(set))).toEqual(set);
    for (const wrong of ['{"keys":[]}', '{"keys":[{"x":1}]}', 'không phải JSON', '[]']) expect(accessTokenPublicKeysVariable.safeParse(wrong).success).toBe(false);
  });
});
