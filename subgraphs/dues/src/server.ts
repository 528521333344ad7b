import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { MoneyScalar, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { DuesContext } from './context.ts';
import { rules } from './permissions.ts';
import { Member } from './resolvers/Member.ts';
import { standingLoaders } from './standing/standing.loaders.ts';
import { standingRepository } from './standing/standing.repository.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function duesSubgraph({ db }: DbHandle): SubgraphDefinition<DuesContext> {
  return {
    name: 'dues',
    typeDefs,
    resolvers: { Member, Money: MoneyScalar } as SubgraphDefinition<DuesContext>['resolvers'],
    rules,
    context: (base) => ({ ...base, loaders: standingLoaders(standingRepository(db)) }),
  };
}
