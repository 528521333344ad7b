export { apiSchemaPath, compose, readSupergraph, supergraphPath, type Composition } from './compose.ts';
export { defaultSubgraphUrl, SUBGRAPHS, subgraphSdl, type SubgraphName } from './subgraphs.ts';
