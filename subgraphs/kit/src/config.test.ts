import { describe, expect, it } from 'vitest';
import { jwk, loadConfig, port, postgresUrl } from './config.ts';

describe('loadConfig', () => {
  const shape = { GATEWAY_PORT: port(4000), DATABASE_URL: postgresUrl, AUTH_PUBLIC_KEY: jwk };

  it('reads valid variables with their defaults', () => {
    const config = loadConfig(shape, { DATABASE_URL: 'postgres://localhost/dangvu', AUTH_PUBLIC_KEY: '{"kty":"OKP"}' });
    expect(config).toEqual({ GATEWAY_PORT: 4000, DATABASE_URL: 'postgres://localhost/dangvu', AUTH_PUBLIC_KEY: { kty: 'OKP' } });
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig(shape, { GATEWAY_PORT: '99999', DATABASE_URL: 'mysql://x', AUTH_PUBLIC_KEY: 'not json' })).toThrow(
      /GATEWAY_PORT[\s\S]*DATABASE_URL[\s\S]*AUTH_PUBLIC_KEY/,
    );
  });

  it('names a missing required variable', () => {
    expect(() => loadConfig(shape, { AUTH_PUBLIC_KEY: '{}' })).toThrow(/DATABASE_URL/);
  });
});
