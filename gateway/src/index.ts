import { consoleLogger } from '@dangvu/subgraph-kit';
import { loadGatewayConfig } from './config.ts';
import { createGateway } from './server.ts';

const config = loadGatewayConfig();
const gateway = await createGateway(config, consoleLogger);
const running = await gateway.listen();
consoleLogger.info('gateway listening', { url: running.url, mode: config.mode });
const shutdown = async () => {
  await running.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
