import { reportFreezeDayVariable } from '@dangvu/subgraph-kit';
import { transfersMonthlyFiguresJob } from './report/monthly-figures.job.ts';
import { deadlinesJob } from './transfer/deadlines.job.ts';
import { DEFAULT_ESCALATION_WORKING_DAYS } from './transfer/deadlines.rules.ts';

/** The transfers subgraph's jobs, for `npm run job`: the same ones its process schedules (a tuple, so each keeps its type). */
export const jobs = [
  deadlinesJob({ escalateAfterWorkingDays: DEFAULT_ESCALATION_WORKING_DAYS }),
  transfersMonthlyFiguresJob({ freezeDay: reportFreezeDayVariable.schema.parse(process.env[reportFreezeDayVariable.name]) }),
] as const;
