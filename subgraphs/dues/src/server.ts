import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import type { SubgraphDefinition } from '@dangvu/subgraph-kit';
import { chromiumPrinter, type PdfPrinter } from '@dangvu/subgraph-kit/printing';
import { parse } from 'graphql';
import { basisViewRecorder } from './audit/basis-view-recorder.ts';
import type { DuesContext } from './context.ts';
import { duesTemporaryExemptionConsumer } from './exemption/temporary-exemption.consumer.ts';
import { duesTransferConsumer } from './obligation/member-transferred.consumer.ts';
import { obligationsJob } from './obligation/obligations.job.ts';
import { duesOrganizationMovedConsumer } from './obligation/organization-moved.consumer.ts';
import { duesOrganizationTypedConsumer } from './organization/organization-typed.consumer.ts';
import { wageRegions } from './organization/wage-region.service.ts';
import { cashPayments } from './payment/cash-payment.service.ts';
import { duesCollectionAccountConsumer } from './payment/collection-account.consumer.ts';
import { qrPayments } from './payment/qr-payment.service.ts';
import { reliefs } from './relief/relief.service.ts';
import { monthCloses } from './remittance/month-close.service.ts';
import { adjustments } from './remittance/adjustment.service.ts';
import { remittanceLoaders } from './remittance/remittance.loaders.ts';
import { remittances } from './remittance/remittance.service.ts';
import { voluntaryAmounts } from './voluntary/voluntary-amount.service.ts';
import { rules } from './permissions.ts';
import { receiptService } from './receipt/receipt.service.ts';
import { shareLinks } from './share-link/share-link.service.ts';
import { duesStore } from './repositories.ts';
import type { WageRegion } from './rates/rates.config.ts';
import { duesFiguresLoader } from './report/dues-figures.loaders.ts';
import { duesMonthlyFiguresJob } from './report/monthly-figures.job.ts';
import { resolvers } from './resolvers/index.ts';
import { standingLoaders } from './standing/standing.loaders.ts';
import { bankStatements } from './statement/bank-statement.service.ts';
import { exceptionResolutions } from './statement/exception-resolution.service.ts';
import { statementUploads } from './statement/statement-uploads.ts';
import { notificationKeys, NOTIFICATION_PATH } from './notification/notification-key.service.ts';
import { receivePaymentNotification } from './notification/payment-notification.service.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export interface DuesDeps {
  defaultWageRegion?: WageRegion | null;
  /** The day of the next month on which a month's report figures freeze (REPORT_FREEZE_DAY, default 20). */
  reportFreezeDay?: number;
  /** The reports' clock; a test moves it. */
  now?: () => Date;
  /** Prints the receipts; a headless Chromium unless a test brings its own. */
  printer?: PdfPrinter;
}

export function duesSubgraph({ db }: DbHandle, { defaultWageRegion = null, reportFreezeDay = 20, now = () => new Date(), printer = chromiumPrinter() }: DuesDeps = {}): SubgraphDefinition<DuesContext> {
  const store = duesStore(db);
  return {
    name: 'dues',
    typeDefs,
    resolvers: resolvers as SubgraphDefinition<DuesContext>['resolvers'],
    rules,
    consumers: [duesTransferConsumer, duesTemporaryExemptionConsumer, duesOrganizationMovedConsumer, duesOrganizationTypedConsumer, duesCollectionAccountConsumer],
    jobs: [obligationsJob({ defaultWageRegion }), duesMonthlyFiguresJob({ freezeDay: reportFreezeDay, now })],
    context: (base) => {
      const prepared = qrPayments(store, base);
      return { ...base, loaders: standingLoaders(store.repos.standing, now()), views: basisViewRecorder(store, base), payments: cashPayments(store, base), qrPayments: prepared, shareLinks: shareLinks(store, { ...base, now }, prepared), wageRegions: wageRegions(store, base), reliefs: reliefs(store, base, { defaultWageRegion }), monthCloses: monthCloses(store, base), remittances: remittances(store, base, now), remittanceLoaders: remittanceLoaders(store.repos.remittances), adjustments: adjustments(store, base), voluntaryAmounts: voluntaryAmounts(store, base, { defaultWageRegion, now }), figures: duesFiguresLoader(store.repos, now), now, receipts: receiptService(store, base, printer), bankStatements: bankStatements(store, base), exceptionResolutions: exceptionResolutions(store, base), notificationKeys: notificationKeys(store, base) };
    },
    afterRequest: (context) => context.views.flush(),
    // Secrets are shown once: a retry with the same key is told it was done, not given the link's token or the
    // notification key again. Bank statements arrive as uploads, transfers as notifications (docs/api.md#payment-notifications).
    secretAnswers: ['createDuesShareLink', 'createPaymentNotificationKey'],
    receiveUpload: (call, uploadId, request) => statementUploads.receive(db, call, uploadId, request),
    hooks: {
      [NOTIFICATION_PATH.split('/').at(-1)!]: (call, request) => receivePaymentNotification(store, call, request.authorization, request.body),
    },
  };
}
