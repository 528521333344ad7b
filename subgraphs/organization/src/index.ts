import { runSubgraph } from '@dangvu/subgraph-kit';
import { organizationSubgraph } from './server.ts';

await runSubgraph({ name: 'organization', defaultPort: 4001, define: async (db) => organizationSubgraph(db) });
