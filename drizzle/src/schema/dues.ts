import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const duesSchema = pgSchema('dues');

/** docs/rules/dues-standing.md#obligation-statuses: what became of one member's dues for one month. */
export const obligationStatus = duesSchema.enum('obligation_status', [
  'DUE',
  'PAID_ONLINE',
  'PAID_CASH',
  'WAIVED',
  'REDUCED',
  'DEFERRED',
  'PREPAID',
  'OVERDUE',
]);

export const obligations = duesSchema.table(
  'obligations',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    orgId: uuid('org_id').notNull(),
    /** First day of the month the obligation is for. */
    period: date().notNull(),
    /** Whole dong. */
    amount: bigint({ mode: 'number' }).notNull(),
    status: obligationStatus().notNull().default('DUE'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** What the rate table gave before any relief, in whole dong; null on rows older than the job. */
    ratedAmount: bigint('rated_amount', { mode: 'number' }),
    /** The rule and figures that produced the amount (docs/rules/dues-rates.md), in Vietnamese. */
    calculation: text(),
    /** The waiver or reduction applied, if any. */
    reliefDecisionId: uuid('relief_decision_id'),
    /** The receipt the month was paid under (docs/rules/dues-payments.md). */
    receiptId: uuid('receipt_id'),
  },
  (t) => [
    uniqueIndex('obligations_member_period_idx').on(t.memberId, t.period),
    index('obligations_org_period_idx').on(t.orgId, t.period),
  ],
);

/** docs/rules/dues-rates.md: the same rows as the register's category (members.dues_category). */
export const duesPayerCategory = duesSchema.enum('payer_category', [
  'SOCIAL_INSURANCE_SALARY',
  'SOCIAL_INSURANCE_BENEFIT',
  'PENSION',
  'STUDENT',
  'NO_INCOME_BELOW_RETIREMENT_AGE',
  'NO_INCOME_RETIREMENT_AGE',
  'ABROAD_ALLOWANCE',
  'ABROAD_OTHER',
]);
export const wageRegion = duesSchema.enum('wage_region', ['REGION_I', 'REGION_II', 'REGION_III', 'REGION_IV']);
export const payerSex = duesSchema.enum('payer_sex', ['MALE', 'FEMALE']);

/**
 * docs/rules/dues-obligations.md#who-pays: the dues subgraph's own roll of who pays where and on what basis,
 * the register's facts it needs to reckon a month (it reads no other schema). The basis is personal data.
 */
export const payers = duesSchema.table(
  'payers',
  {
    memberId: uuid('member_id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    category: duesPayerCategory().notNull(),
    /** Whole dong: salary, benefit, pension or allowance the rate applies to. */
    basis: bigint({ mode: 'number' }),
    birthDate: date('birth_date'),
    sex: payerSex(),
    /** Obligations are made from this month (YYYY-MM-01) on: the month after joining or after a transfer in. */
    collectsFrom: date('collects_from').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('payers_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops'))],
);

/** docs/rules/dues-obligations.md#wage-region: the region of the regional minimum wage where an organization is. */
export const orgWageRegions = duesSchema.table('org_wage_regions', {
  orgId: uuid('org_id').primaryKey(),
  region: wageRegion().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const reliefKind = duesSchema.enum('relief_kind', ['WAIVER', 'REDUCTION']);
export const reliefGround = duesSchema.enum('relief_ground', ['PARTY_AGE_50', 'SOCIAL_PENSION_ALLOWANCE', 'SPECIAL_HARDSHIP', 'OTHER_HARDSHIP']);

/**
 * docs/rules/dues-obligations.md#waivers-and-reductions: a decision that waives or reduces a member's dues for
 * the months from `fromMonth` to `untilMonth` (first days of months, inclusive; open for a waiver without end).
 */
export const reliefDecisions = duesSchema.table(
  'relief_decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    kind: reliefKind().notNull(),
    ground: reliefGround().notNull(),
    /** 30, 50 or 70 for a reduction; null for a waiver. */
    percent: integer(),
    fromMonth: date('from_month').notNull(),
    untilMonth: date('until_month'),
    /** The organization whose body decided, its decision's reference and day. */
    decidedByOrgId: uuid('decided_by_org_id').notNull(),
    reference: text().notNull(),
    decidedOn: date('decided_on').notNull(),
    /** The member's written application, where the ground needs one. */
    applicationReference: text('application_reference'),
    decidedBy: uuid('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('relief_decisions_member_idx').on(t.memberId, t.fromMonth),
    // One decision is recorded once: the same decision sent twice (a double tap) is the same row.
    uniqueIndex('relief_decisions_member_reference_idx').on(t.memberId, t.reference),
    check('relief_decisions_percent', sql`(${t.kind} = 'WAIVER' and ${t.percent} is null) or (${t.kind} = 'REDUCTION' and ${t.percent} in (30, 50, 70))`),
    check('relief_decisions_order', sql`${t.untilMonth} is null or ${t.untilMonth} >= ${t.fromMonth}`),
    check('relief_decisions_reduction_months', sql`${t.kind} = 'WAIVER' or (${t.untilMonth} is not null and ${t.untilMonth} < ${t.fromMonth} + interval '12 months')`),
  ],
);

/**
 * docs/rules/dues-payments.md#receipts: a numbered receipt (biên lai thu đảng phí) for one payment of one or
 * more months. Numbers run per collecting organization and calendar year, from 1 without gaps.
 */
export const receipts = duesSchema.table(
  'receipts',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    year: integer().notNull(),
    number: integer().notNull(),
    memberId: uuid('member_id').notNull(),
    /** Whole dong: the sum of the months paid. */
    amount: bigint({ mode: 'number' }).notNull(),
    /** First days of the months paid, oldest first. */
    months: date().array().notNull(),
    method: obligationStatus().notNull(),
    receivedBy: uuid('received_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('receipts_org_year_number_idx').on(t.orgId, t.year, t.number), index('receipts_member_idx').on(t.memberId)],
);

/** The last receipt number given per organization and year; its row lock makes numbering gap-free under concurrency. */
export const receiptCounters = duesSchema.table(
  'receipt_counters',
  {
    orgId: uuid('org_id').notNull(),
    year: integer().notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [uniqueIndex('receipt_counters_org_year_idx').on(t.orgId, t.year)],
);

/**
 * docs/rules/dues-obligations.md#who-decides: the dues subgraph's copy of each organization's path and type, as
 * the organization subgraph announces them (`organization.typed`, `organization.moved`): which body decides a
 * member's waiver or reduction, who sets a wage region.
 */
export const duesOrganizations = duesSchema.table(
  'organizations',
  {
    orgId: uuid('org_id').primaryKey(),
    path: text().notNull(),
    /** The organization subgraph's type (organization.org_type), as text: this schema does not own the list. */
    type: text().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dues_organizations_path_idx').using('btree', t.path.op('text_pattern_ops'))],
);

/**
 * docs/rules/dues-payments.md#paying-by-qr: the dues subgraph's copy of each organization's dues account, as the
 * organization subgraph announces it (`organization.duesAccountSet`); the account a payment QR names.
 */
export const collectionAccounts = duesSchema.table(
  'collection_accounts',
  {
    orgId: uuid('org_id').primaryKey(),
    orgPath: text('org_path').notNull(),
    /** NAPAS bank identification number of the bank. */
    bankBin: text('bank_bin').notNull(),
    accountNumber: text('account_number').notNull(),
    holderName: text('holder_name').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

export const qrPaymentStatus = duesSchema.enum('qr_payment_status', ['OPEN', 'SUPERSEDED']);

/**
 * docs/rules/dues-payments.md#paying-by-qr: a payment prepared for a member's months, with the code its memo
 * carries and the account and amount its QR names. One open payment per member and set of months.
 */
export const qrPayments = duesSchema.table(
  'qr_payments',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What the transfer's memo carries, to match the money to the months: "DP" and 8 letters or digits. */
    code: text().notNull(),
    memberId: uuid('member_id').notNull(),
    /** First days of the months, oldest first; `monthsKey` is them joined, for the one-open-payment rule. */
    months: date().array().notNull(),
    monthsKey: text('months_key').notNull(),
    /** Whole dong: the sum of the months' amounts when prepared. */
    amount: bigint({ mode: 'number' }).notNull(),
    /** The organization whose account receives it, and that account as it was when prepared. */
    collectingOrgId: uuid('collecting_org_id').notNull(),
    bankBin: text('bank_bin').notNull(),
    accountNumber: text('account_number').notNull(),
    holderName: text('holder_name').notNull(),
    status: qrPaymentStatus().notNull().default('OPEN'),
    preparedBy: uuid('prepared_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('qr_payments_code_idx').on(t.code),
    uniqueIndex('qr_payments_open_idx').on(t.memberId, t.monthsKey).where(sql`${t.status} = 'OPEN'`),
  ],
);

/**
 * docs/rules/dues-remittance.md#closing-a-month: an organization's dues month, closed: its totals frozen as they
 * stood, and what it keeps and remits upward by the remittance policy in force. No payment enters a closed month.
 */
export const monthCloses = duesSchema.table(
  'month_closes',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** First day of the month closed. */
    period: date().notNull(),
    /** How many obligations the month had, and how many were paid (cash, online, prepaid). */
    obligationCount: integer('obligation_count').notNull(),
    paidCount: integer('paid_count').notNull(),
    /** Whole dong: owed in all, collected, kept by the organization and remitted to the superior. */
    amountDue: bigint('amount_due', { mode: 'number' }).notNull(),
    amountCollected: bigint('amount_collected', { mode: 'number' }).notNull(),
    amountKept: bigint('amount_kept', { mode: 'number' }).notNull(),
    amountRemitted: bigint('amount_remitted', { mode: 'number' }).notNull(),
    /** The remittance policy row applied, in words, with its source. */
    remittanceRule: text('remittance_rule').notNull(),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('month_closes_org_period_idx').on(t.orgId, t.period),
    index('month_closes_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
  ],
);

export const remittanceState = duesSchema.enum('remittance_state', ['SUBMITTED', 'CONFIRMED', 'REJECTED']);

/**
 * docs/rules/dues-remittance.md#submitting-the-remittance: an organization's remittance of a closed month to its
 * superior, as submitted (the close's remitted share plus the adjustments it carries) and as the superior decided.
 * One row per organization and month: a resubmission after a rejection updates it; every step is audited.
 */
export const remittances = duesSchema.table(
  'remittances',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** The immediate superior receiving it. */
    superiorOrgId: uuid('superior_org_id').notNull(),
    /** First day of the month remitted. */
    period: date().notNull(),
    state: remittanceState().notNull(),
    /** Whole dong: the close's remitted share, the adjustments' remitted shares it carries, and their sum. */
    amountFromClose: bigint('amount_from_close', { mode: 'number' }).notNull(),
    amountFromAdjustments: bigint('amount_from_adjustments', { mode: 'number' }).notNull(),
    amount: bigint({ mode: 'number' }).notNull(),
    /** The bank transfer (or cash hand-over) reference and its day. */
    transferReference: text('transfer_reference').notNull(),
    transferredOn: date('transferred_on').notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
  },
  (t) => [
    uniqueIndex('remittances_org_period_idx').on(t.orgId, t.period),
    index('remittances_superior_idx').on(t.superiorOrgId, t.state),
  ],
);

export const adjustmentKind = duesSchema.enum('month_adjustment_kind', ['LATE_PAYMENT', 'CORRECTION']);

/**
 * docs/rules/dues-remittance.md#adjustments-after-a-close: a change to a closed month's collected money, never an
 * edit of its close: the amount (negative for a correction downwards), split by the month's remittance rule, with
 * its reason; the remitted share goes up with the organization's next remittance (`carriedBy`).
 */
export const monthAdjustments = duesSchema.table(
  'month_adjustments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** First day of the closed month adjusted. */
    period: date().notNull(),
    kind: adjustmentKind().notNull(),
    /** Whole dong, signed; kept and remitted by the month's rule, adding up to the amount. */
    amount: bigint({ mode: 'number' }).notNull(),
    amountKept: bigint('amount_kept', { mode: 'number' }).notNull(),
    amountRemitted: bigint('amount_remitted', { mode: 'number' }).notNull(),
    reason: text().notNull(),
    /** The remittance that carries the remitted share up; null until one is submitted. */
    carriedBy: uuid('carried_by'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('month_adjustments_org_period_idx').on(t.orgId, t.period),
    check('month_adjustments_nonzero', sql`${t.amount} <> 0`),
    check('month_adjustments_split', sql`${t.amountKept} + ${t.amountRemitted} = ${t.amount}`),
  ],
);

export const voluntaryAmountState = duesSchema.enum('voluntary_amount_state', ['PROPOSED', 'APPROVED', 'REJECTED']);

/**
 * docs/rules/dues-obligations.md#voluntary-higher-amounts: a member's own request to pay more than the rate each
 * month from `fromMonth`, proposed by their cell and decided by the cell's immediate superior.
 */
export const voluntaryAmounts = duesSchema.table(
  'voluntary_amounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id').notNull(),
    /** The member's organization when proposed, and the superior that decides. */
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    deciderOrgId: uuid('decider_org_id').notNull(),
    /** Whole dong a month. */
    amount: bigint({ mode: 'number' }).notNull(),
    /** First day of the first month it applies to. */
    fromMonth: date('from_month').notNull(),
    /** The member's request (its date and gist). */
    request: text().notNull(),
    state: voluntaryAmountState().notNull().default('PROPOSED'),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('voluntary_amounts_member_idx').on(t.memberId, t.fromMonth),
    index('voluntary_amounts_decider_idx').on(t.deciderOrgId, t.state),
    // One proposal awaits a decision per member at a time: fifty identical proposals make one.
    uniqueIndex('voluntary_amounts_pending_idx').on(t.memberId).where(sql`${t.state} = 'PROPOSED'`),
    check('voluntary_amounts_positive', sql`${t.amount} > 0`),
  ],
);

/**
 * docs/rules/dues-obligations.md#temporary-exemption: a member's temporary exemption from party activity, as the
 * members subgraph announced it (one row per resolution that began it, keyed by it, so a repeated event is the
 * same row): from the day the cell decided it to the day of the resolution that ended it, open while it lasts.
 */
export const temporaryExemptions = duesSchema.table(
  'temporary_exemptions',
  {
    statusChangeId: uuid('status_change_id').primaryKey(),
    memberId: uuid('member_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    endedByStatusChangeId: uuid('ended_by_status_change_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('temporary_exemptions_member_idx').on(t.memberId, t.startsOn),
    // A member is in one temporary exemption at a time: the members subgraph allows TEMP_EXEMPT only from ACTIVE.
    uniqueIndex('temporary_exemptions_one_open_idx').on(t.memberId).where(sql`${t.endsOn} is null`),
    check('temporary_exemptions_order', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);
