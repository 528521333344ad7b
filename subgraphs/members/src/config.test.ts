import { randomBytes } from 'node:crypto';
import { ConfigError, loadSubgraphConfig } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { membersConfig } from './config.ts';

const KEY = JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'x' });
const env = { DATABASE_URL: 'postgres://localhost/dangvu', GATEWAY_PUBLIC_KEY: KEY, AUTH_PRIVATE_KEY: KEY };

const problemsOf = (secretsKey: string | undefined) => {
  try {
    loadSubgraphConfig(membersConfig, { ...env, MEMBERS_SECRETS_KEY: secretsKey });
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map(({ variable }) => variable);
  }
};

describe('the members subgraph’s config', () => {
  it('reads MEMBERS_SECRETS_KEY as 32 bytes, in base64url or in base64 as openssl prints them', () => {
    const key = randomBytes(32);
    for (const text of [key.toString('base64url'), key.toString('base64')]) {
      expect(loadSubgraphConfig(membersConfig, { ...env, MEMBERS_SECRETS_KEY: text }).keys.secretsKey).toEqual(key);
    }
  });

  it('refuses to start without it, or with a key of another length, naming the variable', () => {
    expect(problemsOf(undefined)).toEqual(['MEMBERS_SECRETS_KEY']);
    expect(problemsOf(randomBytes(16).toString('base64url'))).toEqual(['MEMBERS_SECRETS_KEY']);
  });
});
