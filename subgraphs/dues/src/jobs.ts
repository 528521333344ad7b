import { defaultWageRegionVariable } from './config.ts';
import { reportFreezeDayVariable } from '@dangvu/subgraph-kit';
import { obligationsJob } from './obligation/obligations.job.ts';
import { duesMonthlyFiguresJob } from './report/monthly-figures.job.ts';

/** The dues subgraph's jobs, for `npm run job`: the same ones its process schedules, with the same default wage region (a tuple, so each keeps its type). */
export const jobs = [
  obligationsJob({ defaultWageRegion: defaultWageRegionVariable.schema.parse(process.env[defaultWageRegionVariable.name]) ?? null }),
  duesMonthlyFiguresJob({ freezeDay: reportFreezeDayVariable.schema.parse(process.env[reportFreezeDayVariable.name]) }),
] as const;
