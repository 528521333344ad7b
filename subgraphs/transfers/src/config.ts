import { subgraphConfig } from '@dangvu/subgraph-kit';

export const transfersConfig = subgraphConfig('transfers');
