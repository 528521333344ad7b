import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { cachedWorkingCalendar, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import { calendarService } from './calendar/calendar.service.ts';
import type { TransfersContext } from './context.ts';
import { rules } from './permissions.ts';
import { transfersStore } from './repositories.ts';
import { resolvers } from './resolvers/index.ts';
import { transferLoaders } from './transfer/transfer.loaders.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function transfersSubgraph({ db }: DbHandle): SubgraphDefinition<TransfersContext> {
  const store = transfersStore(db);
  // One per process: the adjustments change a few times a year (docs/rules/working-days.md#caching).
  const workingCalendar = cachedWorkingCalendar(() => store.repos.calendar.all());
  return {
    name: 'transfers',
    typeDefs,
    resolvers: resolvers as SubgraphDefinition<TransfersContext>['resolvers'],
    rules,
    context: (base) => ({ ...base, loaders: transferLoaders(store.repos.transfers), calendar: calendarService(store, workingCalendar, base) }),
  };
}
