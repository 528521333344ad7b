import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export const membersSchema = pgSchema('members');

export const gender = membersSchema.enum('gender', ['MALE', 'FEMALE']);
export const membershipKind = membersSchema.enum('membership_kind', ['PROBATIONARY', 'OFFICIAL']);
/** docs/rules/member-register.md#activity-statuses: the last four are terminal. */
export const activityStatus = membersSchema.enum('activity_status', [
  'ACTIVE',
  'EXEMPT',
  'TEMP_EXEMPT',
  'TEMP_AWAY',
  'ABROAD',
  'IN_TRANSFER',
  'REMOVED',
  'EXPELLED',
  'DECEASED',
  'TRANSFERRED_OUT',
]);
/** docs/rules/member-register.md#dues-category: which row of the 01-QĐ/TW rate table applies to the member. */
export const duesCategory = membersSchema.enum('dues_category', [
  'SOCIAL_INSURANCE_SALARY',
  'SOCIAL_INSURANCE_BENEFIT',
  'PENSION',
  'STUDENT',
  'NO_INCOME_BELOW_RETIREMENT_AGE',
  'NO_INCOME_RETIREMENT_AGE',
  'ABROAD_ALLOWANCE',
  'ABROAD_OTHER',
]);

export const members = membersSchema.table(
  'members',
  {
    id: uuid().primaryKey().defaultRandom(),
    fullName: text('full_name').notNull(),
    /** Lower-case full name without diacritics (đ → d), for search; kept by PostgreSQL itself. */
    nameSearch: text('name_search')
      .notNull()
      .generatedAlwaysAs(sql`members.search_text(full_name)`),
    gender: gender().notNull(),
    birthDate: date('birth_date').notNull(),
    citizenId: char('citizen_id', { length: 12 }).notNull(),
    ethnicity: text().notNull(),
    hometown: text().notNull(),
    residenceAddress: text('residence_address').notNull(),
    /** The residence cell the commune committee of the residence confirmed (docs/rules/member-register.md#residence). */
    residenceOrgId: uuid('residence_org_id'),
    /** Administrative-unit codes of the residence: the province (2 digits) and the commune, ward or special zone (5 digits). */
    residenceProvinceCode: char('residence_province_code', { length: 2 }),
    residenceCommuneCode: char('residence_commune_code', { length: 5 }),
    /** The committee that manages the member (cấp ủy quản lý): their organization or one above it. */
    managingCommitteeId: uuid('managing_committee_id'),
    workplace: text(),
    position: text(),
    phone: text(),
    joinedOn: date('joined_on').notNull(),
    officialOn: date('official_on'),
    cardNumber: text('card_number'),
    dossierNumber: text('dossier_number'),
    rosterNumber: integer('roster_number'),
    membershipKind: membershipKind('membership_kind').notNull(),
    activityStatus: activityStatus('activity_status').notNull().default('ACTIVE'),
    /** The one organization of official activity; owned by the organization subgraph. */
    orgId: uuid('org_id').notNull(),
    /** Copy of that organization's materialized path, so role checks over a subtree need no cross-schema read. */
    orgPath: text('org_path').notNull(),
    /**
     * Where the member is active temporarily (docs/rules/transfers.md#what-completion-changes), kept from the
     * transfers subgraph's member.temporaryHostChanged; the official organization above stays theirs.
     */
    temporaryHostOrgId: uuid('temporary_host_org_id'),
    /** The planned end of that temporary activity; set with the host, null with it. */
    temporaryHostUntil: date('temporary_host_until'),
    duesCategory: duesCategory('dues_category').notNull(),
    /** Whole dong per month: the salary, benefit, pension or allowance the rate applies to. */
    duesBasis: bigint('dues_basis', { mode: 'number' }),
    /** Optimistic-locking counter: an edit names the version it was made on. */
    version: integer().notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('members_citizen_id_idx').on(t.citizenId),
    uniqueIndex('members_card_number_idx').on(t.cardNumber),
    index('members_org_idx').on(t.orgId),
    // Probable duplicates of an import's rows are looked for among members born the same day (docs/rules/register-import.md#matching).
    index('members_birth_date_idx').on(t.birthDate),
    index('members_name_search_idx').using('gin', t.nameSearch.op('gin_trgm_ops')),
    // The register's listing order: pages of a subtree or of the whole register walk this instead of sorting it.
    index('members_name_order_idx').on(t.nameSearch, t.id),
    index('members_org_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    check('members_citizen_id_digits', sql`${t.citizenId} ~ '^[0-9]{12}$'`),
    check('members_temporary_host_until', sql`(${t.temporaryHostOrgId} is null) = (${t.temporaryHostUntil} is null)`),
    check(
      'members_official_after_probation',
      sql`${t.officialOn} is null or ${t.officialOn} >= ${t.joinedOn} + interval '12 months'`,
    ),
  ],
);

export const accountStatus = membersSchema.enum('account_status', ['PENDING', 'ACTIVE', 'LOCKED', 'REVOKED']);

export const accounts = membersSchema.table('accounts', {
  id: uuid().primaryKey().defaultRandom(),
  memberId: uuid('member_id')
    .notNull()
    .unique()
    .references(() => members.id),
  username: text().notNull().unique(),
  /** argon2id PHC string; null until the member sets a password. */
  passwordHash: text('password_hash'),
  status: accountStatus().notNull().default('PENDING'),
  /**
   * HMAC-SHA256 of the one-time activation code under the members secrets key (outside the database); the
   * code itself is shown once, to whoever issued the account.
   */
  activationCodeHash: text('activation_code_hash'),
  activationExpiresAt: timestamp('activation_expires_at', { withTimezone: true }),
  /**
   * The TOTP secret (RFC 6238), set when the member starts enrolling a second factor: sealed with AES-256-GCM
   * under the members secrets key (`v1:…`); a base32 value is one from before sealing, sealed on first use.
   */
  totpSecret: text('totp_secret'),
  /** When the second factor was confirmed; null while not in use. */
  totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
  /** The last 30-second step a code was accepted for: a code works once. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const signInAttemptKind = membersSchema.enum('sign_in_attempt_kind', ['PASSWORD', 'SECOND_FACTOR', 'ACTIVATION']);

/**
 * Attempts counted per username and kind within a window (docs/rules/accounts.md#lock-out): each attempt is
 * counted before its secret is checked, and none is checked once the window holds the limit. Keyed by the
 * username typed, so that an unknown username is counted like a real one.
 */
export const signInWindows = membersSchema.table(
  'sign_in_windows',
  {
    username: text().notNull(),
    kind: signInAttemptKind().notNull(),
    attempts: integer().notNull(),
    /** The window ends here, and its count with it. */
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.kind] }), index('sign_in_windows_ends_idx').on(t.endsAt)],
);

export const sessionEndReason = membersSchema.enum('session_end_reason', [
  'LOGOUT',
  'ACCOUNT_LOCKED',
  'ACCOUNT_REVOKED',
  'ACCOUNT_REISSUED',
  'PASSWORD_CHANGED',
  'REFRESH_REUSED',
]);

/**
 * A sign-in session (docs/rules/accounts.md#sessions): every access token names one (`sid`), and the gateway
 * refuses tokens of a session that has ended.
 */
export const sessions = membersSchema.table(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    memberId: uuid('member_id').notNull(),
    /** Whether the sign-in that began it gave the second factor's code. */
    secondFactor: boolean('second_factor').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** The session ends here however often it is refreshed. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: sessionEndReason('end_reason'),
  },
  (t) => [index('sessions_open_idx').on(t.accountId).where(sql`${t.endedAt} is null`)],
);

/** The refresh tokens a session was given, each used once: a second use ends the session. */
export const refreshTokens = membersSchema.table(
  'refresh_tokens',
  {
    /** HMAC-SHA256 of the token under the members secrets key; the token itself is the holder's. */
    tokenHash: text('token_hash').primaryKey(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('refresh_tokens_session_idx').on(t.sessionId)],
);

/** The Party's offices, the committee's office staff and support team, and the platform's own roles (docs/rules/roles.md#the-roles). */
export const role = membersSchema.enum('role', ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER', 'ADMIN', 'ANALYST', 'PROCESSING_OFFICER', 'SUPPORT_TEAM']);

/** A role on an organization reaches that organization's whole subtree, from startsOn until endsOn (exclusive). */
export const roleGrants = membersSchema.table(
  'role_grants',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    role: role().notNull(),
    orgId: uuid('org_id').notNull(),
    orgPath: text('org_path').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
  },
  (t) => [
    index('role_grants_member_idx').on(t.memberId),
    index('role_grants_org_idx').on(t.orgId),
    // At most one open-ended secretary and one finance member per organization; dated overlaps are checked by the service.
    uniqueIndex('role_grants_one_secretary_idx')
      .on(t.orgId, t.role)
      .where(sql`${t.endsOn} is null and ${t.role} in ('SECRETARY', 'FINANCE_MEMBER')`),
  ],
);

export const partnerStatus = membersSchema.enum('partner_status', ['ACTIVE', 'REVOKED']);

/** A partner system that reads the register with client credentials (OAuth 2 style), within its scopes. */
export const partnerClients = membersSchema.table('partner_clients', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  /** argon2id hash of the client secret, which is shown once when the client is registered. */
  secretHash: text('secret_hash').notNull(),
  scopes: text().array().notNull(),
  status: partnerStatus().notNull().default('ACTIVE'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const requestStatus = membersSchema.enum('request_status', ['PENDING', 'APPROVED', 'REJECTED']);

/** A member's own correction of their contact details, waiting for their secretary's approval. */
export const contactChangeRequests = membersSchema.table(
  'contact_change_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    phone: text(),
    residenceAddress: text('residence_address'),
    status: requestStatus().notNull().default('PENDING'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
  },
  (t) => [index('contact_change_requests_member_idx').on(t.memberId)],
);

/**
 * Organizations whose role holders (in their whole subtree) must sign in with a second factor; an
 * administrator over the organization turns it on.
 */
export const totpRequirements = membersSchema.table('totp_requirements', {
  orgId: uuid('org_id').primaryKey(),
  orgPath: text('org_path').notNull(),
  setBy: uuid('set_by'),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

/** docs/rules/member-status.md: the procedures that change a member's activity status, each by decision. */
export const statusChangeKind = membersSchema.enum('status_change_kind', [
  'EXEMPTION',
  'TEMPORARY_EXEMPTION',
  'RETURN_TO_ACTIVITY',
  'ABROAD',
  'REMOVAL',
  'EXPULSION',
  'DEATH',
  'LEFT_SYSTEM',
]);
export const statusChangeState = membersSchema.enum('status_change_state', ['APPLIED', 'RESOLVED', 'REPORTED', 'REJECTED', 'WITHDRAWN', 'DECIDED']);

/**
 * One status change of a member, from the application (when the procedure has one) to the decision that
 * changes the status, with the decision record: who decided, on which day, its reference (số nghị quyết,
 * quyết định) and the name of the scanned document. Never deleted: the register's history of statuses.
 */
export const statusChanges = membersSchema.table(
  'status_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    kind: statusChangeKind().notNull(),
    state: statusChangeState().notNull(),
    /** The status the member had when the procedure began, and the one the decision gives. */
    fromStatus: activityStatus('from_status').notNull(),
    toStatus: activityStatus('to_status').notNull(),
    /** The member's organization path when it began: who may act on it is decided on the member's current one. */
    orgPath: text('org_path').notNull(),
    reason: text(),
    appliedBy: uuid('applied_by'),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    decisionReference: text('decision_reference'),
    attachmentName: text('attachment_name'),
    reportedBy: uuid('reported_by'),
    reportedOn: date('reported_on'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('status_changes_member_idx').on(t.memberId, t.createdAt),
    // One procedure awaiting the cell per member: fifty identical applications make one.
    uniqueIndex('status_changes_one_open_idx').on(t.memberId).where(sql`${t.state} = 'APPLIED'`),
  ],
);
