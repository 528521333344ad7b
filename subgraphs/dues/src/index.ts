import { runSubgraph } from '@dangvu/subgraph-kit';
import { duesSubgraph } from './server.ts';

await runSubgraph({ name: 'dues', defaultPort: 4003, define: async (db) => duesSubgraph(db) });
