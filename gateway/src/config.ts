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

/** Everything the gateway process reads from its environment. */
export const gatewayConfig = {
  http: { host: variable('HOST', host), port: variable('GATEWAY_PORT', port(DEFAULT_PORTS.gateway)) },
  mode: variable('NODE_ENV', mode),
  keys: {
    /** Verifies the access tokens that the members subgraph's login issues. */
    authPublicKey: variable('AUTH_PUBLIC_KEY', jwk),
    /** Signs each subgraph call; the subgraphs hold the public half. */
    gatewayPrivateKey: variable('GATEWAY_PRIVATE_KEY', jwk),
  },
  subgraphs: {
    /** `ORGANIZATION_URL`, …: where each subgraph answers; the default is its port in the platform table. */
    urls: perSubgraph((name) => variable(subgraphUrlVariable(name), httpUrl.default(graphqlUrl(DEFAULT_PORTS[name])))),
    /** Upper bound of open connections from the gateway to each subgraph. */
    maxSockets: variable('GATEWAY_MAX_SOCKETS', integer(64, { min: 1, max: 1024 })),
  },
};

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(gatewayConfig, env);

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
