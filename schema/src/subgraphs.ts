import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SUBGRAPHS = [
  { name: 'organization', defaultPort: 4001 },
  { name: 'members', defaultPort: 4002 },
  { name: 'dues', defaultPort: 4003 },
  { name: 'transfers', defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** Each subgraph's SDL, read from its own package: the package is the source of truth. */
export function subgraphSdl(name: SubgraphName): string {
  return readFileSync(fileURLToPath(import.meta.resolve(`@dangvu/subgraph-${name}/schema.graphql`)), 'utf8');
}

export const defaultSubgraphUrl = (port: number) => `http://127.0.0.1:${port}/graphql`;
