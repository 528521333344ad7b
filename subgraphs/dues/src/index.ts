import { runSubgraph } from '@dangvu/subgraph-kit';
import { duesConfig } from './config.ts';
import { duesSubgraph } from './server.ts';

await runSubgraph({ config: duesConfig, define: async (db, config) => duesSubgraph(db, { defaultWageRegion: config.dues.defaultWageRegion ?? null, reportFreezeDay: config.reports.freezeDay }) });
