import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { auditLog, cachedWorkingCalendar, calendarRepository, createStore, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import { calendarService } from './calendar/calendar.service.ts';
import type { TransfersContext } from './context.ts';
import { rules } from './permissions.ts';
import { resolvers } from './resolvers/index.ts';
import { transferLoaders } from './transfer/transfer.loaders.ts';
import { transferRepository } from './transfer/transfer.repository.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function transfersSubgraph({ db }: DbHandle): SubgraphDefinition<TransfersContext> {
  const store = createStore(db, (executor) => ({ calendar: calendarRepository(executor), audit: auditLog(executor) }));
  // One per process: the adjustments change a few times a year (docs/rules/working-days.md#caching).
  const workingCalendar = cachedWorkingCalendar(() => store.repos.calendar.all());
  return {
    name: 'transfers',
    typeDefs,
    resolvers: resolvers as SubgraphDefinition<TransfersContext>['resolvers'],
    rules,
    context: (base) => ({ ...base, loaders: transferLoaders(transferRepository(db)), calendar: calendarService(store, workingCalendar, base) }),
  };
}
