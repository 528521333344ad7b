import { EnvVariable, host, jwk, loadConfig, mode, port, postgresUrl, variable, type Config, type ConfigSpec } from './config.ts';
import { DEFAULT_PORTS, portVariable, type SubgraphName } from './platform.ts';

const baseVariables = (name: SubgraphName) => ({
  http: { host: variable('HOST', host), port: variable(portVariable(name), port(DEFAULT_PORTS[name])) },
  database: { url: variable('DATABASE_URL', postgresUrl) },
  /** Checks that a call came through the gateway (docs: ARCHITECTURE, signed subgraph calls). */
  keys: { gatewayPublicKey: variable('GATEWAY_PUBLIC_KEY', jwk) },
  mode: variable('NODE_ENV', mode),
});

type BaseVariables = ReturnType<typeof baseVariables>;
/** A subgraph's own variables, as sections: a section named like a base one (`keys`) adds fields to it. */
export type SubgraphExtras = Record<string, ConfigSpec>;

export interface SubgraphConfigSpec<E extends SubgraphExtras> {
  name: SubgraphName;
  variables: Omit<BaseVariables, keyof E> & { [K in keyof E]: K extends keyof BaseVariables ? BaseVariables[K] & E[K] : E[K] };
}

export type SubgraphConfig<E extends SubgraphExtras> = Config<BaseVariables> & Config<E>;

/**
 * What every subgraph reads (where it listens, its database, the gateway's public key, the mode), plus the
 * extras one subgraph alone needs, e.g. members' `{ keys: { authPrivateKey: variable('AUTH_PRIVATE_KEY', jwk) } }`.
 */
export function subgraphConfig<E extends SubgraphExtras = Record<never, never>>(name: SubgraphName, extras?: E): SubgraphConfigSpec<E> {
  const variables: Record<string, EnvVariable | ConfigSpec> = baseVariables(name);
  for (const [section, entries] of Object.entries(extras ?? {})) {
    const base = variables[section];
    variables[section] = base instanceof EnvVariable ? entries : { ...base, ...entries };
  }
  return { name, variables: variables as SubgraphConfigSpec<E>['variables'] };
}

export const loadSubgraphConfig = <E extends SubgraphExtras>(spec: SubgraphConfigSpec<E>, env: NodeJS.ProcessEnv = process.env) =>
  loadConfig(spec.variables as ConfigSpec, env) as SubgraphConfig<E>;
