import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACCESS_TOKEN_SECONDS, generateSigningKeys } from '@dangvu/subgraph-kit';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { keyEnvironment, loadOrCreateKeys, rotateAuthKey } from '../src/keys.ts';

const keysFile = async () => join(await mkdtemp(join(tmpdir(), 'dangvu-keys-')), 'keys.json');

describe('the platform’s keys', () => {
  it('are made once, kept for the owner alone, each signing key named by a kid on both halves', async () => {
    const file = await keysFile();
    const keys = await loadOrCreateKeys(file);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await loadOrCreateKeys(file)).toEqual(keys);
    for (const pair of [keys.auth, keys.gateway]) expect(pair.privateJwk.kid).toBe(pair.publicJwk.kid);
    expect(keys.auth.publicJwk.kid).not.toBe(keys.gateway.publicJwk.kid);
    // The kid the gateway would compute itself from a key without one.
    expect(keys.auth.publicJwk.kid).toBe(await calculateJwkThumbprint({ ...keys.auth.publicJwk, kid: undefined }));
    expect(Buffer.from(keys.membersSecrets, 'base64url')).toHaveLength(32);
  });

  it('kept from before key ids and the secrets key, get both and keep the keys they had', async () => {
    const file = await keysFile();
    const before = { auth: await generateSigningKeys(), gateway: await generateSigningKeys() };
    await writeFile(file, JSON.stringify(before));
    const keys = await loadOrCreateKeys(file);
    expect(keys.auth.privateJwk).toMatchObject({ d: before.auth.privateJwk.d, kid: expect.any(String) });
    expect(keys.gateway.publicJwk.x).toBe(before.gateway.publicJwk.x);
    expect(JSON.parse(await readFile(file, 'utf8')).membersSecrets).toBe(keys.membersSecrets);
  });

  it('hand the members subgraph its secrets key, and the gateway the current access-token key alone', async () => {
    const keys = await loadOrCreateKeys(await keysFile());
    const env = keyEnvironment(keys, {});
    expect(env.MEMBERS_SECRETS_KEY).toBe(keys.membersSecrets);
    expect(JSON.parse(env.AUTH_PUBLIC_KEY!)).toEqual(keys.auth.publicJwk);
  });

  it('rotate the access-token key with both public keys valid for a token’s life, then the new one alone', async () => {
    const keys = await loadOrCreateKeys(await keysFile());
    const at = new Date('2026-12-01T03:00:00Z');
    const rotated = await rotateAuthKey(keys, at);
    expect(rotated.auth.publicJwk.kid).not.toBe(keys.auth.publicJwk.kid);
    expect(rotated.gateway).toEqual(keys.gateway);
    const during = keyEnvironment(rotated, {}, new Date(at.getTime() + 60_000));
    expect(JSON.parse(during.AUTH_PUBLIC_KEY!)).toEqual({ keys: [rotated.auth.publicJwk, keys.auth.publicJwk] });
    expect(JSON.parse(during.AUTH_PRIVATE_KEY!)).toEqual(rotated.auth.privateJwk);
    const after = keyEnvironment(rotated, {}, new Date(at.getTime() + ACCESS_TOKEN_SECONDS * 1000));
    expect(JSON.parse(after.AUTH_PUBLIC_KEY!)).toEqual(rotated.auth.publicJwk);
    // A second rotation long after drops the key retired first.
    const again = await rotateAuthKey(rotated, new Date(at.getTime() + 86_400_000));
    expect(again.retiredAuth!.map(({ publicJwk }) => publicJwk.kid)).toEqual([rotated.auth.publicJwk.kid]);
  });
});
