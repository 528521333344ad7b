/**
 * The platform's processes and where each listens when its `*_PORT` variable is unset: the one table that
 * the subgraphs, the gateway, the composed supergraph and `npm start` read. It lives in the kit because the
 * kit is the one package every one of them depends on (@dangvu/schema depends on the subgraphs, so they
 * cannot import it).
 */
export const SUBGRAPH_NAMES = ['organization', 'members', 'dues', 'transfers'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export type ProcessName = 'web' | 'gateway' | SubgraphName;

export const DEFAULT_PORTS: Readonly<Record<ProcessName, number>> = {
  web: 3000,
  gateway: 4000,
  organization: 4001,
  members: 4002,
  dues: 4003,
  transfers: 4004,
};

/** `ORGANIZATION_PORT`, `WEB_PORT`, …: the variable that moves a process to another port. */
export const portVariable = (name: ProcessName) => `${name.toUpperCase()}_PORT`;

/** `ORGANIZATION_URL`, …: the variable that tells the gateway where a subgraph answers. */
export const subgraphUrlVariable = (name: SubgraphName) => `${name.toUpperCase()}_URL`;

export const graphqlUrl = (port: number, host = '127.0.0.1') => `http://${host}:${port}/graphql`;

/** One entry per subgraph, typed by name: `perSubgraph((name) => variable(portVariable(name), …))`. */
export const perSubgraph = <T>(make: (name: SubgraphName) => T) =>
  Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, make(name)])) as Record<SubgraphName, T>;
