import { obligationsJob } from './obligation/obligations.job.ts';

/** The dues subgraph's jobs, for `npm run job`: the same ones its process schedules (the default wage region from the environment). */
const region = process.env.DUES_DEFAULT_WAGE_REGION;
export const jobs = [obligationsJob({ defaultWageRegion: region === 'REGION_I' || region === 'REGION_II' || region === 'REGION_III' || region === 'REGION_IV' ? region : null })];
