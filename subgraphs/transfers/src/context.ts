import type { RequestContext } from '@dangvu/subgraph-kit';
import type { CalendarService } from './calendar/calendar.service.ts';
import type { LetterService } from './letter/letter.service.ts';
import type { TransferFiguresLoader } from './report/transfer-figures.loaders.ts';
import type { TransferLoaders } from './transfer/transfer.loaders.ts';
import type { TransferReadService } from './transfer/transfer-reads.service.ts';
import type { TransferService } from './transfer/transfer.service.ts';
import type { TransferVouchers } from './voucher/transfer-vouchers.ts';

export interface TransfersContext extends RequestContext {
  loaders: TransferLoaders;
  calendar: CalendarService;
  transfers: TransferService;
  reads: TransferReadService;
  figures: TransferFiguresLoader;
  now: () => Date;
  vouchers: TransferVouchers;
  letters: LetterService;
}
