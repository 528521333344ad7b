import { integer, subgraphConfig, variable } from '@dangvu/subgraph-kit';

export const organizationConfig = subgraphConfig('organization', {
  reports: {
    /** Cells report month M before this day of M+1 (docs/rules/reports.md#the-report-as-a-document). */
    cellDueDay: variable('REPORT_CELL_DUE_DAY', integer(20, { min: 1, max: 28 })),
    /** Communes report month M before this day of M+1. */
    communeDueDay: variable('REPORT_COMMUNE_DUE_DAY', integer(25, { min: 1, max: 28 })),
  },
});
