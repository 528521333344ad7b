import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway';
import { readSupergraph } from '@dangvu/schema';
import { GATEWAY_SIGNATURE_HEADER, SIGNING_ALG, signSubgraphCall, type Identity } from '@dangvu/subgraph-kit';
import { GraphQLError } from 'graphql';
import { importJWK, type CryptoKey } from 'jose';
import { gatewayCallers } from '../../../gateway/src/auth.ts';
import { loadGatewayConfig } from '../../../gateway/src/config.ts';

/**
 * Hive Gateway (`@graphql-hive/gateway`) on the same supergraph and the same subgraphs as our gateway, for the
 * side-by-side of `npm run bench`. It reads the gateway's own variables (GATEWAY_PRIVATE_KEY, AUTH_PUBLIC_KEY,
 * the subgraphs' URLs) and does per request what ours does before planning: the same token and session check
 * (gateway/src/auth.ts), and every subgraph fetch signed for that subgraph, document and variables, as
 * SignedDataSource signs them. Not here: ours's depth and cost limits and credential-attempt guard, which
 * cost it little on these reads. PORT (0 for a free one); it prints its URL.
 */
const config = loadGatewayConfig();
const privateKey = (await importJWK(config.keys.gatewayPrivateKey, SIGNING_ALG, { extractable: true })) as CryptoKey;
const identify = await gatewayCallers(config, privateKey);
const urls: Record<string, string> = config.subgraphs.urls;
const subgraphAt = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
// The composed supergraph names each subgraph's default URL; this platform's may differ.
const supergraph = readSupergraph().replace(
  /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
  (whole, name: string) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole),
);

interface Caller {
  req: IncomingMessage;
  identity: Identity;
  requestId: string;
}

const signedCalls: GatewayPlugin<Caller> = {
  async onContextBuilding({ context, extendContext }) {
    const requestId = randomUUID();
    const caller = await identify(context.req!, requestId);
    if (!('grants' in caller)) {
      throw new GraphQLError(caller.message, { extensions: { code: caller.code, http: { status: caller.status } } });
    }
    extendContext({ identity: caller, requestId });
  },
  async onFetch({ url, options, setOptions, context }) {
    const subgraph = subgraphAt.get(url);
    if (!subgraph || !('identity' in context) || !context.identity) return;
    // The body Hive serialised: the subgraph hashes exactly this document and these variables.
    const { query, variables } = JSON.parse(String(options.body)) as { query: string; variables?: unknown };
    const token = await signSubgraphCall({ subgraph, identity: context.identity, requestId: context.requestId ?? '', query, variables }, privateKey);
    setOptions({ ...options, headers: { ...(options.headers as Record<string, string>), [GATEWAY_SIGNATURE_HEADER]: token } });
  },
};

const gateway = createGatewayRuntime<Caller>({
  supergraph,
  plugins: () => [signedCalls],
  // Hive's HTTP executor shares one in-flight fetch among identical ones, keyed by URL and body and not by the
  // headers a plugin adds: with the caller's identity in the signed header, two members asking `{ me }` at
  // once got one member's answer (97 of 200 concurrent answers wrong here). Off, every fetch is the caller's own.
  transportEntries: { '*': { options: { deduplicateInflightRequests: false } } },
  landingPage: false,
  graphiql: false,
  logging: 'error',
});
const server = createServer(gateway);
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), config.http.host, resolve));
console.log(`hive gateway listening http://${config.http.host}:${(server.address() as AddressInfo).port}/graphql`);
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void Promise.resolve(gateway.dispose()).then(() => process.exit(0)));
});
