import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import type { SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { TransfersContext } from './context.ts';
import { rules } from './permissions.ts';
import { Member } from './resolvers/Member.ts';
import { Transfer } from './resolvers/Transfer.ts';
import { transferLoaders } from './transfer/transfer.loaders.ts';
import { transferRepository } from './transfer/transfer.repository.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function transfersSubgraph({ db }: DbHandle): SubgraphDefinition<TransfersContext> {
  return {
    name: 'transfers',
    typeDefs,
    resolvers: { Member, Transfer } as SubgraphDefinition<TransfersContext>['resolvers'],
    rules,
    context: (base) => ({ ...base, loaders: transferLoaders(transferRepository(db)) }),
  };
}
