import { randomUUID } from 'node:crypto';
import { createDb, type DbHandle, type ServiceName } from '@dangvu/drizzle';
import { createTestDatabase } from '@dangvu/drizzle/testing';
import type { RequestContext } from '../context.ts';
import { GATEWAY_SIGNATURE_HEADER, signSubgraphCall } from '../gateway-signature.ts';
import type { IdempotencyClaim } from '../idempotency-claim.ts';
import { ANONYMOUS, type Identity, type Role } from '../identity.ts';
import { hookCallDocument, hookCallVariables } from '../hooks.ts';
import { generateSigningKeys, importKey } from '../keys.ts';
import { silentLogger } from '../logger.ts';
import { createSubgraph, type SubgraphDefinition } from '../subgraph-server.ts';

export interface SubgraphAnswer {
  status: number;
  data: Record<string, any> | null | undefined;
  errors: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[] | undefined;
}

export interface TestSubgraph {
  /** The database's owner, for fixtures and for reading what the subgraph wrote; the subgraph runs under its own role. */
  db: DbHandle;
  /** SQL statements sent since the last `resetQueryCount()`. */
  queryCount(): number;
  resetQueryCount(): void;
  /** Calls the subgraph over HTTP as the gateway would, signed for `identity` (and a client's Idempotency-Key). */
  call(query: string, variables?: Record<string, unknown>, identity?: Identity, idempotency?: IdempotencyClaim): Promise<SubgraphAnswer>;
  /** Posts `body` to the subgraph's hook `name` as the gateway passes an outside service's notification on. */
  hook(name: string, body: string, authorization?: string): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/**
 * One subgraph for one test file: its own migrated database, served on a free port, called with signed
 * requests, and connected as the subgraph's own database role as in production (docs/decisions/0009-audit-integrity.md).
 */
export async function startTestSubgraph<C extends RequestContext>(
  service: ServiceName,
  define: (db: DbHandle) => SubgraphDefinition<C> | Promise<SubgraphDefinition<C>>,
  /** The subgraph's pool: one unless a job it runs in process needs a second (runJob holds a lock on one). */
  connections = 1,
): Promise<TestSubgraph> {
  const database = await createTestDatabase();
  let queries = 0;
  const db = createDb(database.url, { max: 2 });
  // One connection, so that statement counts do not depend on which pooled connection answered.
  const serviceDb = createDb(database.serviceUrl(service), { max: connections, onQuery: () => queries++ });
  const keys = await generateSigningKeys();
  const privateKey = await importKey(keys.privateJwk);
  const definition = await define(serviceDb);
  const subgraph = await createSubgraph(definition, {
    gatewayPublicKey: await importKey(keys.publicJwk),
    production: true,
    log: silentLogger,
    ready: async () => true,
    db: serviceDb.db,
  });
  const running = await subgraph.listen(0, '127.0.0.1');
  return {
    db,
    queryCount: () => queries,
    resetQueryCount: () => {
      queries = 0;
    },
    async call(query, variables = {}, identity = ANONYMOUS, idempotency) {
      // One request id per call, as the gateway gives each client request: a subgraph may share what it read
      // between the fetches of one request (members' caller-organization.ts), never between two.
      const signature = await signSubgraphCall(
        { subgraph: definition.name, identity, requestId: randomUUID(), idempotency, query, variables },
        privateKey,
      );
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SIGNATURE_HEADER]: signature },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Pick<SubgraphAnswer, 'data' | 'errors'>;
      return { status: response.status, data: body.data, errors: body.errors };
    },
    async hook(name, body, authorization) {
      const signature = await signSubgraphCall({ subgraph: definition.name, identity: ANONYMOUS, requestId: 'test', query: hookCallDocument(name), variables: hookCallVariables(body) }, privateKey);
      const response = await fetch(new URL(`/hooks/${name}`, running.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SIGNATURE_HEADER]: signature, ...(authorization ? { authorization } : {}) },
        body,
      });
      return { status: response.status, body: await response.json() };
    },
    async stop() {
      await running.stop();
      await serviceDb.close();
      await db.close();
      await database.drop();
    },
  };
}

/** A person holding, optionally, one role on the organization at `orgPath`. */
export function personWith(personId: string, role?: Role, orgPath = '/'): Identity {
  return { personId, grants: role ? [{ role, orgId: orgPath.split('/').at(-2) ?? '', orgPath }] : [], partner: null };
}
