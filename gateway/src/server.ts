import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { readSupergraph } from '@dangvu/schema';
import {
  errorMaskingPlugin,
  graphqlHttpHandler,
  HttpRejection,
  listen,
  type Logger,
  type RunningServer,
  type RequestContext,
  SIGNING_ALG,
  type SubgraphName,
} from '@dangvu/subgraph-kit';
import { importJWK, type CryptoKey } from 'jose';
import { gatewayCallers } from './auth.ts';
import type { GatewayConfig } from './config.ts';
import { credentialGuard } from './credential-guard.ts';
import { idempotencyClaim } from './idempotency-key.ts';
import { armor, LIMITS } from './limits.ts';
import { SignedDataSource } from './signed-data-source.ts';
import { uploadRoute } from './upload-route.ts';
import { hookRoute } from './hook-route.ts';
import { gatewayFormatError, serviceLabel } from './subgraph-unavailable.ts';

// @apollo/gateway reports usage to Apollo unless told not to; this platform never phones home.
process.env.APOLLO_TELEMETRY_DISABLED = '1';

/** The subgraphs whose /readyz does not answer 200 within 2 s: their database is down, or they are. */
async function subgraphsNotReady(urls: Partial<Record<string, string>>): Promise<string[]> {
  const answers = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      const ready = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(2_000) }).then(
        (response) => response.ok,
        () => false,
      );
      return ready ? null : name;
    }),
  );
  return answers.filter((name) => name !== null);
}

export async function createGateway(config: GatewayConfig, log: Logger) {
  const production = config.mode === 'production';
  // Extractable, so that node:crypto signs each subgraph call rather than WebCrypto, at a third of the cost.
  const gatewayPrivateKey = (await importJWK(config.keys.gatewayPrivateKey, SIGNING_ALG, { extractable: true })) as CryptoKey;
  const identify = await gatewayCallers(config, gatewayPrivateKey);
  const gateway = new ApolloGateway({
    supergraphSdl: readSupergraph(),
    // Query plans stay on the server, whatever NODE_ENV says.
    __exposeQueryPlanExperimental: false,
    buildService: ({ name, url }) =>
      new SignedDataSource({
        name,
        url: config.subgraphs.urls[name as SubgraphName] ?? url!,
        privateKey: gatewayPrivateKey,
        maxSockets: config.subgraphs.maxSockets,
      }),
  });
  const limits = armor(production);
  const guardCredentials = credentialGuard({ limits: config.credentials.attempts, trustedProxies: config.credentials.trustedProxies });
  const apollo = new ApolloServer<RequestContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: true,
    // A request by hash alone would carry no document for the credential guard to read.
    persistedQueries: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: gatewayFormatError(config.subgraphs.urls),
    plugins: [
      ...(limits.plugins as never[]),
      errorMaskingPlugin(log),
      ApolloServerPluginInlineTraceDisabled(),
      production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
  await apollo.start();

  const handler = graphqlHttpHandler<RequestContext>({
    apollo,
    maxBodyBytes: LIMITS.bodyBytes,
    allowGet: true,
    maxBatchSize: LIMITS.batchSize,
    routes: {
      '/healthz': async () => ({ status: 200, body: { status: 'ok' } }),
      '/readyz': async () => {
        const unavailable = await subgraphsNotReady(config.subgraphs.urls);
        if (!unavailable.length) return { status: 200, body: { status: 'ready' } };
        return {
          status: 503,
          body: {
            status: 'unavailable',
            code: 'SERVICE_UNAVAILABLE',
            message: `Hệ thống tạm thời chưa sẵn sàng: ${unavailable.map(serviceLabel).join(', ')} chưa phản hồi hoặc chưa kết nối được cơ sở dữ liệu.`,
            unavailable,
          },
        };
      },
    },
    upload: uploadRoute({ identify, subgraphUrls: config.subgraphs.urls, privateKey: gatewayPrivateKey }),
    hook: hookRoute({ subgraphUrls: config.subgraphs.urls, privateKey: gatewayPrivateKey }),
    async context(request, body, requestId) {
      const identity = await identify(request, requestId);
      if (!('grants' in identity)) return identity;
      const idempotency = idempotencyClaim(request, body);
      if (idempotency instanceof HttpRejection) return idempotency;
      return guardCredentials(request, body, identity) ?? { identity, requestId, idempotency };
    },
  });

  return {
    handler,
    listen: (port = config.http.port, host = config.http.host): Promise<RunningServer> =>
      listen(handler, port, host, () => apollo.stop()),
  };
}
