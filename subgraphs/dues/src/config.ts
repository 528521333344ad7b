import { reportFreezeDayVariable, subgraphConfig, variable } from '@dangvu/subgraph-kit';
import { z } from 'zod';

/** DUES_DEFAULT_WAGE_REGION: read by the process's configuration and by `npm run job` alike. */
export const defaultWageRegionVariable = variable('DUES_DEFAULT_WAGE_REGION', z.enum(['REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV']).optional());

export const duesConfig = subgraphConfig('dues', {
  dues: {
    /**
     * The regional minimum wage region for organizations that have none of their own
     * (docs/rules/dues-obligations.md#wage-region); unset, their members without income get no obligation until one is set.
     */
    defaultWageRegion: defaultWageRegionVariable,
  },
  reports: { freezeDay: reportFreezeDayVariable },
});
