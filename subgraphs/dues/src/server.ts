import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import type { SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { DuesContext } from './context.ts';
import { rules } from './permissions.ts';
import { duesStore } from './repositories.ts';
import { resolvers } from './resolvers/index.ts';
import { standingLoaders } from './standing/standing.loaders.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function duesSubgraph({ db }: DbHandle): SubgraphDefinition<DuesContext> {
  const store = duesStore(db);
  return {
    name: 'dues',
    typeDefs,
    resolvers: resolvers as SubgraphDefinition<DuesContext>['resolvers'],
    rules,
    context: (base) => ({ ...base, loaders: standingLoaders(store.repos.standing) }),
  };
}
