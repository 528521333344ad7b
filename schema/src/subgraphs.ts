import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PORTS, graphqlUrl, SUBGRAPH_NAMES, type SubgraphName } from '@dangvu/subgraph-kit';

export type { SubgraphName };

/** The subgraphs composed into the supergraph, with the ports of the kit's platform table. */
export const SUBGRAPHS = SUBGRAPH_NAMES.map((name) => ({ name, defaultPort: DEFAULT_PORTS[name] }));

/** Each subgraph's SDL, read from its own package: the package is the source of truth. */
export function subgraphSdl(name: SubgraphName): string {
  return readFileSync(fileURLToPath(import.meta.resolve(`@dangvu/subgraph-${name}/schema.graphql`)), 'utf8');
}

/** The URL written into the supergraph; the gateway's `*_URL` variables override it at run time. */
export const defaultSubgraphUrl = (port: number) => graphqlUrl(port);
