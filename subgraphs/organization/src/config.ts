import { subgraphConfig } from '@dangvu/subgraph-kit';

export const organizationConfig = subgraphConfig('organization');
