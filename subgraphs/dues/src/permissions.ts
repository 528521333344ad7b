import { isPerson } from '@dangvu/subgraph-kit';
import { allow, or } from 'graphql-shield';
import { policy, type MemberReference, type OrganizationReference } from './policy.ts';

/** The shield map of the dues subgraph, default deny; each rule reads the policy. */
export const rules = {
  Query: {
    duesQuote: or(isPerson, policy.rule('QUOTE_DUES')),
    // The service answers only a receipt the caller may see (SEE_DUES_RECEIPT), null otherwise.
    duesReceipt: isPerson,
    // Anyone, signed in or not: the token is the capability; the answer names no one (docs/rules/dues-payments.md#a-shared-link).
    duesSharedPayment: allow,
  },
  Mutation: {
    // The gate; the service asserts the ability on the member's organization, which it loads.
    recordCashPayment: policy.rule('RECORD_CASH_PAYMENT'),
    preparePayment: policy.rule('PREPARE_DUES_PAYMENT'),
    setWageRegion: policy.rule('SET_WAGE_REGION'),
    decideDuesRelief: policy.rule('DECIDE_RELIEF'),
    closeDuesMonth: policy.rule('CLOSE_DUES_MONTH'),
    // Shared links: the gate of preparePayment; the service asserts it on the member (docs/rules/dues-payments.md#a-shared-link).
    createDuesShareLink: policy.rule('PREPARE_DUES_PAYMENT'),
    revokeDuesShareLink: policy.rule('PREPARE_DUES_PAYMENT'),
    // Bank reconciliation (docs/rules/dues-payments.md#who-reconciles): the service asserts on what it loads.
    startBankStatementUpload: policy.rule('RECONCILE_BANK_PAYMENTS'),
    importBankStatement: policy.rule('RECONCILE_BANK_PAYMENTS'),
    resolveDuesPaymentException: policy.rule('RECONCILE_BANK_PAYMENTS'),
    createPaymentNotificationKey: policy.rule('RECONCILE_BANK_PAYMENTS'),
    submitDuesRemittance: policy.rule('SUBMIT_DUES_REMITTANCE'),
    confirmDuesRemittance: policy.rule('DECIDE_DUES_REMITTANCE'),
    rejectDuesRemittance: policy.rule('DECIDE_DUES_REMITTANCE'),
    recordDuesAdjustment: policy.rule('RECORD_DUES_ADJUSTMENT'),
    proposeVoluntaryDues: policy.rule('PROPOSE_VOLUNTARY_DUES'),
    decideVoluntaryDues: policy.rule('DECIDE_VOLUNTARY_DUES'),
  },
  Member: {
    id: allow,
    orgPath: allow,
    duesStanding: policy.rule('SEE_DUES_STANDING', (member) => member as MemberReference),
    duesMonths: policy.rule('SEE_DUES_STANDING', (member) => member as MemberReference),
    duesReceipts: policy.rule('SEE_DUES_RECEIPT', (member) => member as MemberReference),
    fullName: allow,
    duesShareLinks: policy.rule('PREPARE_DUES_PAYMENT', (member) => member as MemberReference),
  },
  // Reached only through Member.duesStanding.
  DuesStanding: allow,
  // Reached only through Member.duesMonths, whose rule decided; reading `calculation` is recorded by its resolver.
  DuesMonth: allow,
  // Reached only as the calculator's answer, which its rule allowed; they hold what the caller sent.
  DuesQuotePayload: allow,
  DuesQuote: allow,
  // Reached only as the answer of a payment its rule allowed.
  RecordCashPaymentPayload: allow,
  // Reached through a payment, Member.duesReceipts or Query.duesReceipt, each of which decided; a reference
  // (the gateway asking for the PDF) resolves only for a caller who may see it.
  DuesReceipt: allow,
  PreparePaymentPayload: allow,
  DuesQrPayment: allow,
  SetWageRegionPayload: allow,
  DecideDuesReliefPayload: allow,
  DuesReliefDecision: allow,
  CloseDuesMonthPayload: allow,
  // Reached through closeDuesMonth or Organization.duesMonthCloses, whose rules decided.
  DuesMonthClose: allow,
  // Reached only through the remittance and voluntary mutations, DuesMonthClose, or the Organization lists below.
  DuesRemittancePayload: allow,
  DuesRemittance: allow,
  RecordDuesAdjustmentPayload: allow,
  DuesMonthAdjustment: allow,
  DuesVoluntaryAmountPayload: allow,
  DuesVoluntaryAmount: allow,
  Organization: {
    id: allow,
    path: allow,
    name: allow,
    duesCollection: policy.rule('SEE_DUES_COLLECTION', (organization) => organization as OrganizationReference),
    // Not personal: where the organization is, readable with the tree by any signed-in person.
    duesWageRegion: isPerson,
    duesMonthCloses: policy.rule('CLOSE_DUES_MONTH', (organization) => organization as OrganizationReference),
    duesMonthlyFigures: policy.rule('SEE_REPORT_FIGURES', (organization) => organization as OrganizationReference),
    duesPaymentExceptions: policy.rule('SEE_PAYMENT_EXCEPTIONS', (organization) => organization as OrganizationReference),
    duesRemittancesReceived: policy.rule('DECIDE_DUES_REMITTANCE', (organization) => organization as OrganizationReference),
    duesVoluntaryAmounts: policy.rule('SEE_VOLUNTARY_DUES', (organization) => organization as OrganizationReference),
  },
  // Reached only through Organization.duesMonthlyFigures: counts and sums, no person.
  DuesMonthlyFigures: allow,
  MoneyRate: allow,
  Rate: allow,
  // Reached only through Organization.duesCollection, whose rule decided.
  DuesPayerMonths: allow,
  DuesArrears: allow,
  // Reached only through the share-link fields, whose rules decided; a shared payment names no member.
  CreateDuesShareLinkPayload: allow,
  RevokeDuesShareLinkPayload: allow,
  DuesShareLink: allow,
  DuesSharedPayment: allow,
  DuesSharedQr: allow,
  UserError: allow,
  // Bank reconciliation: reached only as the answers of its mutations, or through Organization.duesPaymentExceptions.
  StartBankStatementUploadPayload: allow,
  BankStatementUpload: allow,
  ImportBankStatementPayload: allow,
  BankStatementRowError: allow,
  BankStatementImport: allow,
  DuesPaymentException: allow,
  ResolveDuesPaymentExceptionPayload: allow,
  CreatePaymentNotificationKeyPayload: allow,
};

