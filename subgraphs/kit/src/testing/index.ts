export { personWith, startTestSubgraph, type SubgraphAnswer, type TestSubgraph } from './subgraph-client.ts';
