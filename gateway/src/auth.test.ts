import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { generateSigningKeys, HttpRejection, importKey, signAccessToken, type Identity, type KeyPairJwk } from '@dangvu/subgraph-kit';
import { membersKeys } from '@dangvu/subgraph-members';
import { describe, expect, it } from 'vitest';
import { accessTokenKeys, accessTokenPublicKeysVariable, callerCheck } from './auth.ts';
import type { SessionCheck, SessionState } from './session-check.ts';

const person = { personId: '00000000-0000-4000-8000-000000000001', grants: [] };
const SESSION = '00000000-0000-4000-8000-0000000000aa';
/** A person's token as the members subgraph's login signs it, with its key id and session. */
const tokenOf = async (pair: KeyPairJwk) => {
  const { authSigner } = await membersKeys({ authPrivateKey: pair.privateJwk, secretsKey: randomBytes(32) });
  return (await authSigner.sign(person, SESSION, new Date())).token;
};
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

  it('reads AUTH_PUBLIC_KEY as one key or as a set of them, and nothing else', async () => {
    const [one, two] = await Promise.all([generateSigningKeys(), generateSigningKeys()]);
    expect(accessTokenPublicKeysVariable.parse(JSON.stringify(one.publicJwk))).toEqual(one.publicJwk);
    const set = { keys: [one.publicJwk, two.publicJwk] };
    expect(accessTokenPublicKeysVariable.parse(JSON.stringify(set))).toEqual(set);
    for (const wrong of ['{"keys":[]}', '{"keys":[{"x":1}]}', 'không phải JSON', '[]']) expect(accessTokenPublicKeysVariable.safeParse(wrong).success).toBe(false);
  });
});
