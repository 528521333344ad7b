import { runSubgraph } from '@dangvu/subgraph-kit';
import { organizationConfig } from './config.ts';
import { organizationSubgraph } from './server.ts';

await runSubgraph({ config: organizationConfig, define: async (db, config) => organizationSubgraph(db, { reportDueDays: { cell: config.reports.cellDueDay, commune: config.reports.communeDueDay } }) });
