import type { Db } from '@dangvu/drizzle';
import { auditLog, createStore, type Executor, type Store } from '@dangvu/subgraph-kit';
import { temporaryExemptionRepository } from './exemption/temporary-exemption.repository.ts';
import { obligationRepository } from './obligation/obligation.repository.ts';
import { duesOrganizationRepository } from './organization/organization.repository.ts';
import { duesFiguresRepository } from './report/dues-figures.repository.ts';
import { paymentRepository } from './payment/payment.repository.ts';
import { reliefRepository } from './relief/relief.repository.ts';
import { monthCloseRepository } from './remittance/month-close.repository.ts';
import { remittanceRepository } from './remittance/remittance.repository.ts';
import { voluntaryAmountRepository } from './voluntary/voluntary-amount.repository.ts';
import { qrPaymentRepository } from './payment/qr-payment.repository.ts';
import { receiptRepository } from './receipt/receipt.repository.ts';
import { shareLinkRepository } from './share-link/share-link.repository.ts';
import { standingRepository } from './standing/standing.repository.ts';
import { bankReconciliationRepository } from './statement/bank-reconciliation.repository.ts';
import { statementUploads } from './statement/statement-uploads.ts';
import { notificationKeyRepository } from './notification/notification-key.repository.ts';

/** Every table the dues subgraph reaches, one repository each, on a pool or a transaction. */
export function repositories(executor: Executor) {
  return {
    standing: standingRepository(executor),
    obligations: obligationRepository(executor),
    temporaryExemptions: temporaryExemptionRepository(executor),
    organizations: duesOrganizationRepository(executor),
    payments: paymentRepository(executor),
    qrPayments: qrPaymentRepository(executor),
    reliefs: reliefRepository(executor),
    monthCloses: monthCloseRepository(executor),
    duesFigures: duesFiguresRepository(executor),
    receipts: receiptRepository(executor),
    shareLinks: shareLinkRepository(executor),
    remittances: remittanceRepository(executor),
    voluntaryAmounts: voluntaryAmountRepository(executor),
    audit: auditLog(executor),
    bankReconciliation: bankReconciliationRepository(executor),
    uploads: statementUploads.repository(executor),
    notificationKeys: notificationKeyRepository(executor),
  };
}

export type Repositories = ReturnType<typeof repositories>;
export type DuesStore = Store<Repositories>;

export const duesStore = (db: Db): DuesStore => createStore(db, repositories);
