import { subgraphConfig, variable } from '@dangvu/subgraph-kit';
import { z } from 'zod';

export const duesConfig = subgraphConfig('dues', {
  dues: {
    /**
     * The regional minimum wage region for organizations that have none of their own
     * (docs/rules/dues-obligations.md#wage-region); unset, their members without income get no obligation until one is set.
     */
    defaultWageRegion: variable('DUES_DEFAULT_WAGE_REGION', z.enum(['REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV']).optional()),
  },
});
