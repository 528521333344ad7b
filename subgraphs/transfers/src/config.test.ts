import { randomBytes } from 'node:crypto';
import { loadSubgraphConfig, type ConfigError } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { transfersConfig } from './config.ts';

const base = { DATABASE_URL: 'postgres://x@db/dangvu', GATEWAY_PUBLIC_KEY: JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }) };

describe('the transfers subgraph’s configuration', () => {
  it('reads the secrets key as 32 bytes, the public origin and the escalation days, with their defaults', () => {
    const key = randomBytes(32);
    const config = loadSubgraphConfig(transfersConfig, { ...base, TRANSFERS_SECRETS_KEY: key.toString('base64url') });
    expect(config.keys.secretsKey).toEqual(key);
    expect(config.transfers).toEqual({ publicOrigin: 'http://localhost:3000', escalateAfterWorkingDays: 10 });
  });

  it('refuses a secrets key of another length and escalation days out of range, by name', () => {
    try {
      loadSubgraphConfig(transfersConfig, { ...base, TRANSFERS_SECRETS_KEY: randomBytes(16).toString('base64url'), TRANSFERS_ESCALATION_WORKING_DAYS: '0' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.variable)).toEqual(['TRANSFERS_SECRETS_KEY', 'TRANSFERS_ESCALATION_WORKING_DAYS']);
    }
  });
});
