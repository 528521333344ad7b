import { runSubgraph } from '@dangvu/subgraph-kit';
import { transfersSubgraph } from './server.ts';

await runSubgraph({ name: 'transfers', defaultPort: 4004, define: async (db) => transfersSubgraph(db) });
