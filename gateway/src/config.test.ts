import { ConfigError, DEFAULT_PORTS } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './config.ts';

const KEY = '{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}';
const keys = { AUTH_PUBLIC_KEY: KEY, GATEWAY_PRIVATE_KEY: KEY };

describe('loadGatewayConfig', () => {
  it('calls each subgraph at its port in the platform table unless told otherwise', () => {
    const config = loadGatewayConfig({ ...keys, DUES_URL: 'https://dues.internal/graphql' });
    expect(config.subgraphs.urls).toEqual({
      organization: `http://127.0.0.1:${DEFAULT_PORTS.organization}/graphql`,
      members: `http://127.0.0.1:${DEFAULT_PORTS.members}/graphql`,
      dues: 'https://dues.internal/graphql',
      transfers: `http://127.0.0.1:${DEFAULT_PORTS.transfers}/graphql`,
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: DEFAULT_PORTS.gateway });
  });

  it('trusts the forwarded address of this machine alone unless told otherwise, and names a bad proxy entry', () => {
    expect(loadGatewayConfig(keys).credentials.trustedProxies).toEqual(['127.0.0.1', '::1']);
    expect(loadGatewayConfig({ ...keys, GATEWAY_TRUSTED_PROXIES: '10.0.0.0/8' }).credentials.trustedProxies).toEqual(['10.0.0.0/8']);
    expect(() => loadGatewayConfig({ ...keys, GATEWAY_TRUSTED_PROXIES: '10.0.0.1, web' })).toThrow(/GATEWAY_TRUSTED_PROXIES: .*web/);
  });

  it('names every bad variable at once', () => {
    const read = () => loadGatewayConfig({ GATEWAY_PRIVATE_KEY: KEY, MEMBERS_URL: 'members:4002', GATEWAY_MAX_SOCKETS: '0' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/AUTH_PUBLIC_KEY: chưa đặt[\s\S]*MEMBERS_URL: phải là URL http[\s\S]*GATEWAY_MAX_SOCKETS/);
  });
});
