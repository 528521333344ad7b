import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import type { IRules } from 'graphql-shield';
import type { Db } from '@dangvu/drizzle';
import type { CryptoKey } from 'jose';
import type { RequestContext } from './context.ts';
import type { AnyJob } from './jobs/job.ts';
import type { OutboxConsumer } from './outbox.ts';
import { SERVICE_UNAVAILABLE_MESSAGE } from './database-unavailable.ts';
import { errorMaskingPlugin, formatError } from './errors.ts';
import { GATEWAY_SIGNATURE_HEADER, SeenCalls, verifySubgraphCall } from './gateway-signature.ts';
import { graphqlHttpHandler, HttpRejection, listen, type RunningServer } from './http.ts';
import { idempotencyPlugin } from './idempotency.ts';
import type { Logger } from './logger.ts';
import { partnerCallAuditPlugin } from './partner-calls.ts';
import { permissions } from './shield.ts';

export interface SubgraphDefinition<C extends RequestContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<C>;
  rules: IRules;
  /** Adds the subgraph's per-request loaders and services to the verified caller. */
  context(base: RequestContext): C;
  /** Domain events from other subgraphs that this one applies to its own tables. */
  consumers?: OutboxConsumer[];
  /** Scheduled work the subgraph's process runs (and `npm run job` runs by hand), idempotent by key. */
  jobs?: AnyJob[];
  /** Root mutation fields whose answers hold a secret and are never kept for a retry (idempotency.ts). */
  secretAnswers?: readonly string[];
  /** Runs once the response is ready, before it is sent: writes what the request only noted (views of records). */
  afterRequest?(context: C): Promise<void>;
}

export interface SubgraphOptions {
  gatewayPublicKey: CryptoKey;
  production: boolean;
  log: Logger;
  /** Answers /readyz: true when the subgraph's database answers. */
  ready(): Promise<boolean>;
  /** Where every partner system's call is recorded. */
  db: Db;
}

export type RunningSubgraph = RunningServer;

export function buildSchema<C extends RequestContext>(definition: SubgraphDefinition<C>) {
  const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers as never }]);
  return applyMiddleware(schema, permissions(definition.rules));
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** An Apollo subgraph behind an HTTP layer that refuses every call the gateway did not sign for it. */
export async function createSubgraph<C extends RequestContext>(definition: SubgraphDefinition<C>, options: SubgraphOptions) {
  const apollo = new ApolloServer<C>({
    schema: buildSchema(definition),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      errorMaskingPlugin(options.log),
      partnerCallAuditPlugin(options.db, definition.name),
      idempotencyPlugin({ db: options.db, subgraph: definition.name, log: options.log, withheld: definition.secretAnswers }) as never,
      { requestDidStart: async () => ({ willSendResponse: async ({ contextValue }) => definition.afterRequest?.(contextValue) }) },
    ],
  });
  await apollo.start();

  const seen = new SeenCalls();
  const handler = graphqlHttpHandler<C>({
    apollo,
    maxBodyBytes: MAX_BODY_BYTES,
    allowGet: false,
    maxBatchSize: 1,
    routes: {
      '/healthz': async () => ({ status: 200, body: { status: 'ok' } }),
      '/readyz': async () => {
        const ok = await options.ready().catch(() => false);
        return ok
          ? { status: 200, body: { status: 'ready' } }
          : { status: 503, body: { status: 'unavailable', code: 'SERVICE_UNAVAILABLE', message: SERVICE_UNAVAILABLE_MESSAGE } };
      },
    },
    async context(request, body) {
      const payload = (Array.isArray(body) ? undefined : body) as { query?: unknown; variables?: unknown } | undefined;
      const header = request.headers[GATEWAY_SIGNATURE_HEADER];
      const call =
        typeof payload?.query === 'string'
          ? await verifySubgraphCall(
              typeof header === 'string' ? header : undefined,
              { subgraph: definition.name, query: payload.query, variables: payload.variables },
              options.gatewayPublicKey,
              seen,
            )
          : null;
      if (!call) {
        return new HttpRejection(401, 'UNAUTHENTICATED', 'Dịch vụ này chỉ nhận yêu cầu qua cổng GraphQL (gateway).');
      }
      return definition.context({ identity: call.identity, requestId: call.requestId, idempotency: call.idempotency ?? null });
    },
  });

  return {
    apollo,
    handler,
    listen: (port: number, host: string): Promise<RunningSubgraph> => listen(handler, port, host, () => apollo.stop()),
  };
}
