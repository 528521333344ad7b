import { runSubgraph } from '@dangvu/subgraph-kit';
import { duesConfig } from './config.ts';
import { duesSubgraph } from './server.ts';

await runSubgraph({ config: duesConfig, define: async (db) => duesSubgraph(db) });
