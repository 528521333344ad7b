import { defaultWageRegionVariable } from './config.ts';
import { obligationsJob } from './obligation/obligations.job.ts';

/** The dues subgraph's jobs, for `npm run job`: the same ones its process schedules, with the same default wage region. */
export const jobs = [obligationsJob({ defaultWageRegion: defaultWageRegionVariable.schema.parse(process.env[defaultWageRegionVariable.name]) ?? null })];
