import { consoleLogger, SHUTDOWN_MS } from '@dangvu/subgraph-kit';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './server.ts';

const config = loadGatewayConfig();
const gateway = await createGateway(config, consoleLogger);
const running = await gateway.listen();
consoleLogger.info('gateway listening', { url: running.url, mode: config.mode });
// SIGTERM: requests under way finish, new ones are refused, and the process is gone within SHUTDOWN_MS.
const shutdown = async () => {
  consoleLogger.info('gateway stopping');
  setTimeout(() => process.exit(1), SHUTDOWN_MS).unref();
  await running.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
