import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members, membersSchema } from './members.ts';

/**
 * Residence-place comments (lấy ý kiến nhận xét nơi cư trú, docs/rules/residence-comments.md): tables of the
 * members schema, since a request is about one member of the register and is routed by their residence.
 */

/** Why a comment is asked outside the yearly campaign (docs/rules/residence-comments.md#single-requests). */
export const commentPurpose = membersSchema.enum('comment_purpose', ['ANNUAL_REVIEW', 'PERSONNEL', 'AWARD', 'DISCIPLINE', 'OTHER']);

/** docs/rules/residence-comments.md#the-request-s-states */
export const commentState = membersSchema.enum('comment_state', ['AWAITING_ROUTING', 'AT_COMMUNE', 'AT_CELL', 'ON_PAPER', 'ANSWERED', 'CANCELLED']);

/** Why a member of the workplace is left out of a yearly campaign (docs/rules/residence-comments.md#who-is-left-out). */
export const commentExemption = membersSchema.enum('comment_exemption', [
  'BARRACKS',
  'MOBILE_OR_OFFICIAL_HOUSING',
  'FULL_TIME_STUDY',
  'EXEMPT_FROM_ACTIVITY',
  'TEMPORARILY_EXEMPT',
  'ABROAD',
  'IN_TRANSFER',
  'LIVES_WHERE_WORKS',
]);

/** One workplace organization's yearly campaign; at most one a year. */
export const commentCampaigns = membersSchema.table(
  'comment_campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    year: integer().notNull(),
    /** The day by which the residence cells' comments are needed, before the organization's quality review. */
    dueOn: date('due_on').notNull(),
    openedBy: uuid('opened_by').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('comment_campaigns_org_year_idx').on(t.orgId, t.year), index('comment_campaigns_path_idx').using('btree', t.orgPath.op('text_pattern_ops'))],
);

/** The members a campaign left out, each with the rule's reason. */
export const commentCampaignExemptions = membersSchema.table(
  'comment_campaign_exemptions',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => commentCampaigns.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    reason: commentExemption().notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.memberId] })],
);

/** One request for a residence cell's comment on one member. */
export const residenceCommentRequests = membersSchema.table(
  'residence_comment_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null for a single request made outside the yearly campaign. */
    campaignId: uuid('campaign_id').references(() => commentCampaigns.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The workplace organization that asks, and its path (the member's organization or one above it). */
    workplaceOrgId: uuid('workplace_org_id').notNull(),
    workplacePath: text('workplace_path').notNull(),
    purpose: commentPurpose().notNull(),
    purposeNote: text('purpose_note'),
    dueOn: date('due_on').notNull(),
    state: commentState().notNull(),
    /** The commune committee of the residence, while it assigns the cell. */
    communeOrgId: uuid('commune_org_id'),
    communePath: text('commune_path'),
    /** The residence cell that comments. */
    residenceCellId: uuid('residence_cell_id'),
    residenceCellPath: text('residence_cell_path'),
    /** A residence outside the system: to whom the paper request goes. */
    outsideName: text('outside_name'),
    outsideAddress: text('outside_address'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the comment came back to the workplace. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** Set once by the daily job (docs/rules/residence-comments.md#reminders-and-overdue). */
    remindedOn: date('reminded_on'),
    overdueOn: date('overdue_on'),
    version: integer().notNull().default(1),
  },
  (t) => [
    // A campaign asks once per member; fifty clicks at once make one request.
    uniqueIndex('residence_comment_requests_campaign_member_idx').on(t.campaignId, t.memberId),
    index('residence_comment_requests_member_idx').on(t.memberId),
    index('residence_comment_requests_workplace_idx').using('btree', t.workplacePath.op('text_pattern_ops')),
    index('residence_comment_requests_cell_idx').on(t.residenceCellId, t.dueOn),
    index('residence_comment_requests_commune_idx').on(t.communeOrgId, t.dueOn),
    index('residence_comment_requests_open_idx')
      .on(t.dueOn, t.id)
      .where(sql`${t.state} in ('AWAITING_ROUTING', 'AT_COMMUNE', 'AT_CELL', 'ON_PAPER')`),
  ],
);

/**
 * Each person's Ed25519 key for signing the residence comments they give or record, kept as transfers keeps its
 * own (docs/rules/residence-comments.md#signed): the private key sealed under MEMBERS_SECRETS_KEY, the public key
 * in the clear for anyone to verify. A retired key still verifies what it signed.
 */
export const memberSigningKeys = membersSchema.table(
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
  (t) => [uniqueIndex('members_signing_keys_one_active_idx').on(t.personId).where(sql`${t.retiredAt} is null`)],
);

/**
 * The comments given on a request: the first, and each that superseded the one before with its reason. None is
 * ever changed; each is hashed over its content and the previous one's hash (docs/rules/residence-comments.md#never-edited).
 */
export const residenceComments = membersSchema.table(
  'residence_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => residenceCommentRequests.id),
    sequence: integer().notNull(),
    /** Per duty of 213-QĐ/TW art. 2: `[{ duty, assessment, remark }]`. Null for a paper answer. */
    duties: jsonb(),
    overall: text().notNull(),
    /** Why this comment replaces the one before it; null on the first. */
    supersedeReason: text('supersede_reason'),
    /** A paper answer: the day it was received and the file name of its scan. */
    paperReceivedOn: date('paper_received_on'),
    scanFileName: text('scan_file_name'),
    /** Who wrote it: the residence cell's secretary or deputy, or the workplace officer who recorded the paper. */
    givenBy: uuid('given_by').notNull(),
    givenByName: text('given_by_name').notNull(),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash'),
    /** SHA-256 of the canonical content and the previous comment's hash. */
    hash: text().notNull(),
    /** The giver's key and their Ed25519 signature of `hash`, base64url; null on comments given before signing. */
    keyId: uuid('key_id').references(() => memberSigningKeys.id),
    signature: text(),
  },
  (t) => [
    uniqueIndex('residence_comments_request_sequence_idx').on(t.requestId, t.sequence),
    check('residence_comments_supersede_reason', sql`(${t.sequence} = 1) = (${t.supersedeReason} is null)`),
  ],
);
