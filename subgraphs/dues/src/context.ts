import type { RequestContext } from '@dangvu/subgraph-kit';
import type { BasisViewRecorder } from './audit/basis-view-recorder.ts';
import type { CashPayments } from './payment/cash-payment.service.ts';
import type { DuesFiguresLoader } from './report/dues-figures.loaders.ts';
import type { StandingLoaders } from './standing/standing.loaders.ts';

export interface DuesContext extends RequestContext {
  loaders: StandingLoaders;
  views: BasisViewRecorder;
  payments: CashPayments;
  figures: DuesFiguresLoader;
  now: () => Date;
}
