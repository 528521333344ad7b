import type { RequestContext } from '@dangvu/subgraph-kit';
import type { BasisViewRecorder } from './audit/basis-view-recorder.ts';
import type { CashPayments } from './payment/cash-payment.service.ts';
import type { WageRegions } from './organization/wage-region.service.ts';
import type { QrPayments } from './payment/qr-payment.service.ts';
import type { Reliefs } from './relief/relief.service.ts';
import type { MonthCloses } from './remittance/month-close.service.ts';
import type { Adjustments } from './remittance/adjustment.service.ts';
import type { RemittanceLoaders } from './remittance/remittance.loaders.ts';
import type { Remittances } from './remittance/remittance.service.ts';
import type { VoluntaryAmounts } from './voluntary/voluntary-amount.service.ts';
import type { DuesFiguresLoader } from './report/dues-figures.loaders.ts';
import type { ReceiptService } from './receipt/receipt.service.ts';
import type { ShareLinks } from './share-link/share-link.service.ts';
import type { StandingLoaders } from './standing/standing.loaders.ts';
import type { BankStatements } from './statement/bank-statement.service.ts';
import type { ExceptionResolutions } from './statement/exception-resolution.service.ts';
import type { NotificationKeys } from './notification/notification-key.service.ts';

export interface DuesContext extends RequestContext {
  loaders: StandingLoaders;
  views: BasisViewRecorder;
  payments: CashPayments;
  qrPayments: QrPayments;
  wageRegions: WageRegions;
  reliefs: Reliefs;
  monthCloses: MonthCloses;
  remittances: Remittances;
  remittanceLoaders: RemittanceLoaders;
  adjustments: Adjustments;
  voluntaryAmounts: VoluntaryAmounts;
  figures: DuesFiguresLoader;
  now: () => Date;
  receipts: ReceiptService;
  shareLinks: ShareLinks;
  bankStatements: BankStatements;
  exceptionResolutions: ExceptionResolutions;
  notificationKeys: NotificationKeys;
}
