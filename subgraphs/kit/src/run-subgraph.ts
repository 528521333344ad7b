import type { z } from 'zod';
import { createDb, type DbHandle } from '@dangvu/drizzle';
import type { RequestContext } from './context.ts';
import { host, jwk, loadConfig, mode, port, postgresUrl } from './config.ts';
import { importKey } from './keys.ts';
import { consoleLogger } from './logger.ts';
import { runOutboxConsumer } from './outbox.ts';
import { createSubgraph, type SubgraphDefinition } from './subgraph-server.ts';

export interface SubgraphProcess<C extends RequestContext> {
  name: string;
  defaultPort: number;
  define(db: DbHandle): Promise<SubgraphDefinition<C>>;
}

/** A subgraph's process entry: configuration from the environment, then serve until SIGINT/SIGTERM. */
export async function runSubgraph<C extends RequestContext>(subgraph: SubgraphProcess<C>): Promise<void> {
  const portVariable = `${subgraph.name.toUpperCase()}_PORT`;
  const shape = { HOST: host, NODE_ENV: mode, DATABASE_URL: postgresUrl, GATEWAY_PUBLIC_KEY: jwk };
  // One call, so that a bad port and a bad URL are reported together.
  const config = loadConfig({ ...shape, [portVariable]: port(subgraph.defaultPort) }) as z.infer<
    z.ZodObject<typeof shape>
  > &
    Record<string, unknown>;
  const db = createDb(config.DATABASE_URL);
  const definition = await subgraph.define(db);
  const built = await createSubgraph(definition, {
    gatewayPublicKey: await importKey(config.GATEWAY_PUBLIC_KEY),
    production: config.NODE_ENV === 'production',
    log: consoleLogger,
    ready: async () => (await db.sql`select 1 as ok`).length === 1,
    db: db.db,
  });
  const running = await built.listen(config[portVariable] as number, config.HOST);
  consoleLogger.info(`subgraph ${subgraph.name} listening`, { url: running.url });
  const consumers = (definition.consumers ?? []).map((consumer) => runOutboxConsumer(db.db, consumer, consoleLogger));
  const shutdown = async () => {
    for (const consumer of consumers) consumer.stop();
    await running.stop();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
