import type { RequestContext } from '@dangvu/subgraph-kit';
import type { CalendarService } from './calendar/calendar.service.ts';
import type { TransferLoaders } from './transfer/transfer.loaders.ts';

export interface TransfersContext extends RequestContext {
  loaders: TransferLoaders;
  calendar: CalendarService;
}
