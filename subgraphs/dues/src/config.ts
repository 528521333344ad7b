import { subgraphConfig } from '@dangvu/subgraph-kit';

export const duesConfig = subgraphConfig('dues');
