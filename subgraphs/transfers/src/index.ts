import { runSubgraph } from '@dangvu/subgraph-kit';
import { transfersConfig } from './config.ts';
import { transfersSubgraph } from './server.ts';

await runSubgraph({ config: transfersConfig, define: async (db) => transfersSubgraph(db) });
