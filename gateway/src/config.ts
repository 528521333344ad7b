import {
  DEFAULT_PORTS,
  graphqlUrl,
  host,
  httpUrl,
  integer,
  jwk,
  loadConfig,
  mode,
  perSubgraph,
  port,
  subgraphUrlVariable,
  variable,
} from '@dangvu/subgraph-kit';
import { z } from 'zod';
import { accessTokenPublicKeysVariable } from './auth.ts';
import { parseAddressList } from './client-address.ts';
import { ATTEMPT_LIMITS } from './credential-throttle.ts';

/** A comma-separated list of IP addresses and CIDR ranges. */
const addressList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const result = parseAddressList(text);
      if ('entries' in result) return result.entries;
      ctx.addIssue({ code: 'custom', message: `không phải địa chỉ IP hay dải CIDR / not an IP address or CIDR range: ${result.bad.join(', ')}` });
      return z.NEVER;
    });

const attemptLimit = ({ variable: name, fallback, min, max }: (typeof ATTEMPT_LIMITS)[keyof typeof ATTEMPT_LIMITS]) =>
  variable(name, integer(fallback, { min, max }));

/** Everything the gateway process reads from its environment. */
export const gatewayConfig = {
  http: { host: variable('HOST', host), port: variable('GATEWAY_PORT', port(DEFAULT_PORTS.gateway)) },
  mode: variable('NODE_ENV', mode),
  keys: {
    /** Verifies the access tokens that the members subgraph's login issues: one key, or a set during a rotation. */
    authPublicKey: variable('AUTH_PUBLIC_KEY', accessTokenPublicKeysVariable),
    /** Signs each subgraph call; the subgraphs hold the public half. */
    gatewayPrivateKey: variable('GATEWAY_PRIVATE_KEY', jwk),
  },
  subgraphs: {
    /** `ORGANIZATION_URL`, …: where each subgraph answers; the default is its port in the platform table. */
    urls: perSubgraph((name) => variable(subgraphUrlVariable(name), httpUrl.default(graphqlUrl(DEFAULT_PORTS[name])))),
    /** Upper bound of open connections from the gateway to each subgraph. */
    maxSockets: variable('GATEWAY_MAX_SOCKETS', integer(64, { min: 1, max: 1024 })),
  },
  credentials: {
    /** Attempts at login, activation, partner tokens and password changes (docs/operations.md#credential-attempts). */
    attempts: {
      perAddress: attemptLimit(ATTEMPT_LIMITS.perAddress),
      perAccount: attemptLimit(ATTEMPT_LIMITS.perAccount),
      windowSeconds: attemptLimit(ATTEMPT_LIMITS.windowSeconds),
    },
    /** Peers whose X-Forwarded-For names the client: the web server on this machine, by default. */
    trustedProxies: variable('GATEWAY_TRUSTED_PROXIES', addressList('127.0.0.1,::1')),
  },
};

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(gatewayConfig, env);

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
