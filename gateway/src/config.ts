import { SUBGRAPHS, defaultSubgraphUrl } from '@dangvu/schema';
import { host, jwk, loadConfig, mode, port } from '@dangvu/subgraph-kit';
import { z } from 'zod';

const subgraphUrl = (defaultPort: number) => z.string().url().default(defaultSubgraphUrl(defaultPort));

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(
    {
      GATEWAY_PORT: port(4000),
      HOST: host,
      NODE_ENV: mode,
      /** Verifies the access tokens that the members subgraph's login issues. */
      AUTH_PUBLIC_KEY: jwk,
      /** Signs each subgraph call; the subgraphs hold the public half. */
      GATEWAY_PRIVATE_KEY: jwk,
      ORGANIZATION_URL: subgraphUrl(4001),
      MEMBERS_URL: subgraphUrl(4002),
      DUES_URL: subgraphUrl(4003),
      TRANSFERS_URL: subgraphUrl(4004),
      /** Upper bound of open connections from the gateway to each subgraph. */
      GATEWAY_MAX_SOCKETS: z.coerce.number().int().min(1).max(1024).default(64),
    },
    env,
  );
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, config[`${name.toUpperCase()}_URL` as `${Uppercase<typeof name>}_URL`]]),
  );
  return { ...config, subgraphUrls };
}

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;
