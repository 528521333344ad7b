import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import type { IncomingMessage } from 'node:http';
import { isObjectType, type DocumentNode, type GraphQLObjectType } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { allow, type IRules } from 'graphql-shield';
import type { Db } from '@dangvu/drizzle';
import type { CryptoKey } from 'jose';
import type { RequestContext } from './context.ts';
import type { AnyJob } from './jobs/job.ts';
import type { OutboxConsumer } from './outbox.ts';
import { SERVICE_UNAVAILABLE_MESSAGE } from './database-unavailable.ts';
import { errorMaskingPlugin, formatError } from './errors.ts';
import { GATEWAY_SIGNATURE_HEADER, SeenCalls, verifySubgraphCall, type SignedCall } from './gateway-signature.ts';
import { graphqlHttpHandler, HttpRejection, listen, type RunningServer } from './http.ts';
import { idempotencyPlugin } from './idempotency.ts';
import { readTextArguments } from './text-arguments.ts';
import type { Logger } from './logger.ts';
import { partnerCallAuditPlugin } from './partner-calls.ts';
import { permissions, ruleOf, ruleTree } from './shield.ts';
import { uploadCallDocument, uploadCallVariables, type UploadAnswer } from './uploads/uploads.ts';
import { HOOK_NAME, hookCallDocument, hookCallVariables, readHookBody, type HookAnswer, type HookRequest } from './hooks.ts';

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
  /**
   * The bytes of a started upload, sent through the gateway's upload route and verified as signed for this
   * subgraph (docs/decisions/0006-file-upload.md#the-path); a subgraph without uploads answers 404.
   */
  receiveUpload?(call: SignedCall, uploadId: string, request: IncomingMessage): Promise<UploadAnswer>;
  /** Outside services' notifications by hook name, reached through the gateway's `POST /hooks/<subgraph>/<name>` (hooks.ts). */
  hooks?: Record<string, (call: SignedCall, request: HookRequest) => Promise<HookAnswer>>;
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

/**
 * The subgraph's schema with the shield around every field whose rule is not `allow`. Around an `allow` field
 * the shield only awaits `true` and then the resolver, which turns every scalar of an open type (ids, the
 * payload and viewerCan types) into a promise of its own: those fields get their own resolver back.
 */
export function buildSchema<C extends RequestContext>(definition: SubgraphDefinition<C>) {
  const schema = buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: definition.resolvers as never }]);
  const shielded = applyMiddleware(schema, permissions(definition.rules));
  const tree = ruleTree(definition.rules);
  for (const type of Object.values(shielded.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const own = (schema.getType(type.name) as GraphQLObjectType).getFields();
    for (const [name, field] of Object.entries(type.getFields())) {
      if (ruleOf(tree, type.name, name) === allow) field.resolve = own[name]!.resolve;
    }
  }
  return readTextArguments(shielded);
}

const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Receipts held in memory at once by one process; a further sender is asked to retry (each may be 50 MiB). */
const MAX_CONCURRENT_UPLOADS = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An Apollo subgraph behind an HTTP layer that refuses every call the gateway did not sign for it. */
export async function createSubgraph<C extends RequestContext>(definition: SubgraphDefinition<C>, options: SubgraphOptions) {
  const apollo = new ApolloServer<C>({
    schema: buildSchema(definition),
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No type or field carries a cache hint, and every answer is a person's own: Apollo's default cache-control
      // plugin would only wrap every field resolved (willResolveField) to compute a max-age of 0.
      ApolloServerPluginCacheControlDisabled(),
      errorMaskingPlugin(options.log),
      partnerCallAuditPlugin(options.db, definition.name),
      idempotencyPlugin({ db: options.db, subgraph: definition.name, log: options.log, withheld: definition.secretAnswers }) as never,
      { requestDidStart: async () => ({ willSendResponse: async ({ contextValue }) => definition.afterRequest?.(contextValue) }) },
    ],
  });
  await apollo.start();

  const seen = new SeenCalls();
  let receiving = 0;
  const notSigned = () => new HttpRejection(401, 'UNAUTHENTICATED', 'Dịch vụ này chỉ nhận yêu cầu qua cổng GraphQL (gateway).');
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
    upload: async (request, path) => {
      const header = request.headers[GATEWAY_SIGNATURE_HEADER];
      const bytes = Number(request.headers['content-length']);
      const call =
        UUID.test(path) && Number.isSafeInteger(bytes)
          ? await verifySubgraphCall(
              typeof header === 'string' ? header : undefined,
              { subgraph: definition.name, query: uploadCallDocument(path), variables: uploadCallVariables(bytes) },
              options.gatewayPublicKey,
              seen,
            )
          : null;
      if (!call) return notSigned();
      if (!definition.receiveUpload) return new HttpRejection(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ này.');
      if (receiving >= MAX_CONCURRENT_UPLOADS) {
        return new HttpRejection(503, 'BUSY', 'Hệ thống đang nhận nhiều tệp: đồng chí thử lại sau ít phút.', { 'retry-after': '30' });
      }
      receiving++;
      try {
        return await definition.receiveUpload(call, path.toLowerCase(), request);
      } finally {
        receiving--;
      }
    },
    hook: async (request, name) => {
      const body = await readHookBody(request);
      if (body instanceof HttpRejection) return body;
      const header = request.headers[GATEWAY_SIGNATURE_HEADER];
      const call = HOOK_NAME.test(name)
        ? await verifySubgraphCall(typeof header === 'string' ? header : undefined, { subgraph: definition.name, query: hookCallDocument(name), variables: hookCallVariables(body) }, options.gatewayPublicKey, seen)
        : null;
      if (!call) return notSigned();
      const hook = definition.hooks && Object.hasOwn(definition.hooks, name) ? definition.hooks[name]! : null;
      if (!hook) return new HttpRejection(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ này.');
      return hook(call, { authorization: request.headers.authorization, body });
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
      if (!call) return notSigned();
      return definition.context({ identity: call.identity, requestId: call.requestId, idempotency: call.idempotency ?? null });
    },
  });

  return {
    apollo,
    handler,
    listen: (port: number, host: string): Promise<RunningSubgraph> => listen(handler, port, host, () => apollo.stop()),
  };
}
