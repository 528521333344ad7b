import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const transfersSchema = pgSchema('transfers');

export const transferKind = transfersSchema.enum('transfer_kind', ['OFFICIAL', 'TEMPORARY']);

/** docs/rules/transfers.md#dossier-states: both kinds' states (COMPLETED is official's end, HOSTED to ENDED temporary's). */
export const transferState = transfersSchema.enum('transfer_state', [
  'DRAFT',
  'SUBMITTED',
  'RETURNED_FOR_COMPLETION',
  'REVIEWED',
  'LETTER_ISSUED',
  'IN_TRANSIT',
  'OVERDUE',
  'RECEIVED',
  'HOSTED',
  'EXTENDED',
  'COMPLETED',
  'CANCELLED',
  'ENDED',
  'REJECTED',
  'REFUSED',
]);

/** docs/rules/transfers.md#who-issues-the-letter */
export const issuingRoute = transfersSchema.enum('issuing_route', ['INTERNAL', 'SUPERIOR', 'PROVINCIAL_COMMISSION']);

/**
 * One transfer dossier. A row without a `code` was loaded from earlier records (the demo data) and is shown,
 * never acted on; a row with one carries the whole route, checked below.
 */
export const transfers = transfersSchema.table(
  'transfers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Read aloud over the phone: the sending organization's code, the year and a sequence (docs/rules/transfers.md#dossier-codes-and-letter-numbers). */
    code: text().unique(),
    memberId: uuid('member_id').notNull(),
    memberName: text('member_name'),
    kind: transferKind().notNull(),
    state: transferState().notNull().default('DRAFT'),
    /** Optimistic lock: every step names the version it was taken on, and raises it. */
    version: integer().notNull().default(1),
    /** The member's cell, as it stood when the dossier was opened. */
    fromOrgId: uuid('from_org_id').notNull(),
    originPath: text('origin_path'),
    originCode: text('origin_code'),
    originName: text('origin_name'),
    grassrootsOrgId: uuid('grassroots_org_id'),
    route: issuingRoute(),
    issuerOrgId: uuid('issuer_org_id'),
    issuerPath: text('issuer_path'),
    issuerCode: text('issuer_code'),
    issuerName: text('issuer_name'),
    /** A destination in the system (null for one outside it). */
    toOrgId: uuid('to_org_id'),
    destinationPath: text('destination_path'),
    destinationCode: text('destination_code'),
    destinationName: text('destination_name'),
    /** The top of the receiving side, just below where the two lines meet. */
    receivingRootPath: text('receiving_root_path'),
    /** A destination outside the system: another province's system, a ministry's, abroad. */
    outsideName: text('outside_name'),
    outsideAddress: text('outside_address'),
    reason: text().notNull(),
    decisionReference: text('decision_reference'),
    /** The decision (or residence change) the 60-working-day clock starts from. */
    effectiveOn: date('effective_on').notNull(),
    /** A temporary transfer's planned end (its extension moves it). */
    plannedEndOn: date('planned_end_on'),
    fullTimeStudy: boolean('full_time_study').notNull().default(false),
    selfReview: text('self_review'),
    /** The day of the last step, in Vietnam: the processing clock runs from it (docs/rules/transfers.md#escalation). */
    lastStepOn: date('last_step_on'),
    /** Set by the daily job when the dossier has stalled; cleared by the next step. */
    escalatedOn: date('escalated_on'),
    /** The organization whose inbox shows the stall: the superior of the one holding the dossier. */
    escalationPath: text('escalation_path'),
    /** Set by the daily job when deadline A passed before the request was submitted. */
    startOverdueOn: date('start_overdue_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('transfers_member_idx').on(t.memberId),
    index('transfers_from_org_idx').on(t.fromOrgId),
    index('transfers_origin_path_idx').using('btree', t.originPath.op('text_pattern_ops')),
    index('transfers_issuer_path_idx').on(t.issuerPath),
    index('transfers_destination_path_idx').using('btree', t.destinationPath.op('text_pattern_ops')),
    index('transfers_escalation_path_idx').on(t.escalationPath),
    /** One dossier under way per member (docs/rules/transfers.md#one-dossier-at-a-time). */
    uniqueIndex('transfers_one_open_per_member_idx')
      .on(t.memberId)
      .where(sql`${t.code} is not null and ${t.state} not in ('COMPLETED', 'ENDED', 'REJECTED', 'REFUSED', 'CANCELLED')`),
    check(
      'transfers_routed',
      sql`${t.code} is null or (${t.memberName} is not null and ${t.originPath} is not null and ${t.originCode} is not null and ${t.grassrootsOrgId} is not null
        and ${t.route} is not null and ${t.issuerOrgId} is not null and ${t.issuerPath} is not null and ${t.lastStepOn} is not null
        and ((${t.toOrgId} is not null and ${t.destinationPath} is not null and ${t.receivingRootPath} is not null and ${t.outsideName} is null)
          or (${t.toOrgId} is null and ${t.outsideName} is not null and ${t.outsideAddress} is not null)))`,
    ),
    check('transfers_temporary_has_end', sql`${t.code} is null or ${t.kind} = 'OFFICIAL' or ${t.plannedEndOn} is not null`),
  ],
);

/**
 * Every step of a dossier, in order: what was decided, by whom (null: the daily job), chained by hash to the
 * step before and signed with the actor's key (docs/rules/transfers.md#signed-decisions). Never updated.
 */
export const transferSteps = transfersSchema.table(
  'transfer_steps',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id),
    /** The dossier's version after this step: 1 for its opening. */
    sequence: integer().notNull(),
    action: text().notNull(),
    fromState: transferState('from_state'),
    toState: transferState('to_state').notNull(),
    actorId: uuid('actor_id'),
    /** The member whose step a secretary or deputy did for them. */
    onBehalfOf: uuid('on_behalf_of'),
    at: timestamp({ withTimezone: true }).notNull(),
    /** The decision's content: reasons, the letter's number, the new end… as signed. */
    decision: jsonb().notNull(),
    prevHash: text('prev_hash'),
    hash: text().notNull(),
    keyId: uuid('key_id'),
    signature: text(),
  },
  (t) => [uniqueIndex('transfer_steps_sequence_idx').on(t.transferId, t.sequence)],
);

/**
 * Introduction letters (giấy giới thiệu sinh hoạt đảng): one in force per dossier; a lost one is void and its
 * number never used again. `facts` is what the letter prints, as it stood at issue.
 */
export const transferLetters = transfersSchema.table(
  'transfer_letters',
  {
    id: uuid().primaryKey().defaultRandom(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id),
    issuerOrgId: uuid('issuer_org_id').notNull(),
    year: integer().notNull(),
    sequence: integer().notNull(),
    number: text().notNull().unique(),
    issuedOn: date('issued_on').notNull(),
    /** YYYY-MM; null when nothing was due in the standing's window. */
    duesPaidThrough: text('dues_paid_through'),
    validUntil: date('valid_until').notNull(),
    facts: jsonb().notNull(),
    voidedOn: date('voided_on'),
    voidReason: text('void_reason'),
    /** The police's confirmation of the loss, as the member brought it. */
    policeConfirmation: text('police_confirmation'),
    replacesId: uuid('replaces_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('transfer_letters_register_idx').on(t.issuerOrgId, t.year, t.sequence),
    uniqueIndex('transfer_letters_current_idx').on(t.transferId).where(sql`${t.voidedOn} is null`),
  ],
);

/** Each organization's registers: the last dossier code or letter number given in a year. */
export const transferRegisters = transfersSchema.table(
  'transfer_registers',
  {
    orgId: uuid('org_id').notNull(),
    year: integer().notNull(),
    register: text().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year, t.register] }), check('transfer_registers_kind', sql`${t.register} in ('DOSSIER', 'LETTER')`)],
);

/**
 * Each person's Ed25519 key for signing transfer decisions, kept by the platform: the private key sealed with
 * the subgraph's secrets key (never in the database in the clear), the public key in the clear for anyone to
 * verify. A retired key still verifies what it signed.
 */
export const signingKeys = transfersSchema.table(
  'signing_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** SPKI DER, base64url. */
    publicKey: text('public_key').notNull(),
    /** PKCS#8 DER sealed with AES-256-GCM, base64url. */
    sealedPrivateKey: text('sealed_private_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('signing_keys_one_active_idx').on(t.personId).where(sql`${t.retiredAt} is null`)],
);

/** Each time the letter's QR code was scanned at a handover ("hộ chiếu hồ sơ"): who, when, where. */
export const transferHandovers = transfersSchema.table(
  'transfer_handovers',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id),
    letterId: uuid('letter_id')
      .notNull()
      .references(() => transferLetters.id),
    recordedBy: uuid('recorded_by').notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    place: text(),
  },
  (t) => [index('transfer_handovers_transfer_idx').on(t.transferId)],
);

/** The papers of a dossier the receiving side checks one by one (docs/rules/transfers.md#what-the-receiving-side-checks). */
export const dossierItem = transfersSchema.enum('dossier_item', ['LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS', 'SELF_REVIEW', 'SEAL']);

/** Each item of a received dossier found present: who checked it and when; the first check stands. */
export const transferDossierChecks = transfersSchema.table(
  'transfer_dossier_checks',
  {
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id),
    item: dossierItem().notNull(),
    checkedBy: uuid('checked_by').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.transferId, t.item] })],
);
