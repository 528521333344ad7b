import { createDb, type DbHandle } from '@dangvu/drizzle';
import { DRAIN_MS } from './http.ts';
import type { RequestContext } from './context.ts';
import { startJobScheduler } from './jobs/scheduler.ts';
import { importKey } from './keys.ts';
import { forgetExpiredKeys } from './idempotency.ts';
import { consoleLogger } from './logger.ts';
import { runOutboxConsumer } from './outbox.ts';
import { loadSubgraphConfig, type SubgraphConfig, type SubgraphConfigSpec, type SubgraphExtras } from './subgraph-config.ts';
import { createSubgraph, type SubgraphDefinition } from './subgraph-server.ts';

/** The bound on a stop: the drain, then closing the pool; within the supervisor's 10 s grace. */
export const SHUTDOWN_MS = DRAIN_MS + 1_500;

export interface SubgraphProcess<C extends RequestContext, E extends SubgraphExtras> {
  /** The subgraph's `config.ts`: `subgraphConfig(name, extras)`. */
  config: SubgraphConfigSpec<E>;
  define(db: DbHandle, config: SubgraphConfig<E>): Promise<SubgraphDefinition<C>>;
}

/** A subgraph's process entry: configuration from the environment, then serve until SIGINT/SIGTERM. */
export async function runSubgraph<C extends RequestContext, E extends SubgraphExtras>(subgraph: SubgraphProcess<C, E>): Promise<void> {
  const config = loadSubgraphConfig(subgraph.config);
  const db = createDb(config.database.url);
  const definition = await subgraph.define(db, config);
  const built = await createSubgraph(definition, {
    gatewayPublicKey: await importKey(config.keys.gatewayPublicKey),
    production: config.mode === 'production',
    log: consoleLogger,
    ready: async () => (await db.sql`select 1 as ok`).length === 1,
    db: db.db,
  });
  const running = await built.listen(config.http.port, config.http.host);
  consoleLogger.info(`subgraph ${subgraph.config.name} listening`, { url: running.url });
  const consumers = (definition.consumers ?? []).map((consumer) => runOutboxConsumer(db.db, consumer, consoleLogger));
  const scheduler = startJobScheduler(db, definition.jobs ?? [], consoleLogger);
  const forgetting = setInterval(
    () => void forgetExpiredKeys(db.db).catch((error) => consoleLogger.error('expired idempotency keys not removed', { error: String(error) })),
    60 * 60_000,
  );
  forgetting.unref();
  // SIGTERM: requests under way and the job step under way finish (a stopped job resumes from its cursor at
  // the next start), new requests are refused, and the process is gone within SHUTDOWN_MS whatever happens.
  const shutdown = async () => {
    consoleLogger.info(`subgraph ${subgraph.config.name} stopping`);
    setTimeout(() => {
      consoleLogger.error(`subgraph ${subgraph.config.name} did not stop within ${SHUTDOWN_MS} ms; exiting`);
      process.exit(1);
    }, SHUTDOWN_MS).unref();
    clearInterval(forgetting);
    await Promise.all([running.stop(), scheduler.stop(), ...consumers.map((consumer) => consumer.stop())]);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
