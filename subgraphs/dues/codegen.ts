import { subgraphCodegen } from '@dangvu/subgraph-kit/codegen';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
export default subgraphCodegen({
  context: '../context.ts#DuesContext',
  scalars: { Money: 'bigint', Date: 'string', YearMonth: 'string', DateTime: 'Date' },
  mappers: {
    Member: '../policy.ts#MemberReference',
    Organization: '../policy.ts#OrganizationReference',
    DuesPayerMonths: '../resolvers/DuesPayerMonths.ts#DuesPayerMonthsModel',
    DuesStanding: '../standing/standing.rules.ts#DuesStanding as DuesStandingModel',
    DuesQuote: '../rates/dues-quote.rules.ts#Quote as QuoteModel',
    DuesMonth: '../resolvers/DuesMonth.ts#DuesMonthModel',
    DuesReceipt: '../receipt/receipt.service.ts#ReceiptModel',
    DuesQrPayment: '../payment/qr-payment.repository.ts#QrPaymentRow',
    DuesSharedQr: '../payment/qr-payment.repository.ts#QrPaymentRow',
    DuesShareLink: '../share-link/share-link.service.ts#ShareLinkModel',
    DuesSharedPayment: '../share-link/share-link.service.ts#SharedPayment',
    DuesMonthClose: '../remittance/month-close.repository.ts#MonthCloseRow',
    DuesReliefDecision: '../relief/relief.repository.ts#ReliefDecisionRow',
    DuesRemittance: '../remittance/remittance.repository.ts#RemittanceRow',
    DuesMonthAdjustment: '../remittance/remittance.repository.ts#AdjustmentRow',
    DuesVoluntaryAmount: '../voluntary/voluntary-amount.repository.ts#VoluntaryAmountRow',
    DuesMonthlyFigures: '../report/dues-figures.loaders.ts#MonthlyFiguresOfDues',
    BankStatementImport: '../statement/bank-reconciliation.repository.ts#StatementImportRow',
    DuesPaymentException: '../statement/bank-reconciliation.repository.ts#ExceptionWithLine',
  },
});
