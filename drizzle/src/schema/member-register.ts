import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { members, membersSchema } from './members.ts';

/**
 * The kind of every organization, as the organization subgraph publishes it (`organization.typed`): the
 * register needs it to find the grassroots organization that keeps a member's dossier
 * (docs/rules/member-register.md#identity-edits) without reading another schema.
 */
export const organizationKinds = membersSchema.table(
  'organization_kinds',
  {
    orgId: uuid('org_id').primaryKey(),
    /** Materialized path, kept moving with the tree (members.organization-moved). */
    orgPath: text('org_path').notNull(),
    /** One of the organization subgraph's `org_type` values. */
    type: text().notNull(),
    /** A commune-level committee's administrative unit: where residence comments of members living there go. */
    administrativeUnitCode: text('administrative_unit_code'),
  },
  (t) => [
    index('organization_kinds_path_idx').using('btree', t.orgPath.op('text_pattern_ops')),
    index('organization_kinds_unit_idx').on(t.administrativeUnitCode),
  ],
);

export const identityEditState = membersSchema.enum('identity_edit_state', ['PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN']);

/**
 * A proposed correction of a member's identity fields (docs/rules/member-register.md#identity-edits): the values
 * before and after, who proposed it, and the grassroots committee's decision on it. Never deleted.
 */
export const identityEdits = membersSchema.table(
  'identity_edits',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The member's organization path when it was proposed, for the audit trail. */
    orgPath: text('org_path').notNull(),
    state: identityEditState().notNull().default('PROPOSED'),
    /** The proposed fields' values on the record when proposed, and the values proposed (same keys). */
    before: jsonb().notNull(),
    after: jsonb().notNull(),
    reason: text().notNull(),
    proposedBy: uuid('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was rejected. */
    decisionNote: text('decision_note'),
    /** Raised by every step: a step names the version it was taken on. */
    version: integer().notNull().default(1),
  },
  (t) => [
    index('identity_edits_member_idx').on(t.memberId, t.proposedAt),
    // One proposal awaiting the committee per member: fifty identical proposals at once make one.
    uniqueIndex('identity_edits_one_open_idx').on(t.memberId).where(sql`${t.state} = 'PROPOSED'`),
    index('identity_edits_open_path_idx').using('btree', t.orgPath.op('text_pattern_ops')).where(sql`${t.state} = 'PROPOSED'`),
  ],
);

export const recognitionState = membersSchema.enum('recognition_state', ['PROPOSED', 'APPROVED', 'REJECTED']);

/**
 * Recognition of a probationary member as official (docs/rules/member-register.md#recognition), in two steps: the
 * cell's resolution proposing it (who entered it, the resolution's day and reference), then the competent
 * committee's decision (approved, with the official date it gave; or rejected, with the reason). Rows from before
 * the two steps carry only the decision.
 */
export const recognitions = membersSchema.table(
  'recognitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    orgPath: text('org_path').notNull(),
    state: recognitionState().notNull().default('PROPOSED'),
    proposedBy: uuid('proposed_by'),
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    resolutionOn: date('resolution_on'),
    resolutionReference: text('resolution_reference'),
    resolutionAttachmentName: text('resolution_attachment_name'),
    /** The day the twelve months of probation ended: the member's official date, once approved. */
    officialOn: date('official_on'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    decisionReference: text('decision_reference'),
    attachmentName: text('attachment_name'),
    rejectionReason: text('rejection_reason'),
    version: integer().notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One proposal or recognition alive per member: fifty identical proposals at once make one; a rejected one
  // leaves room for the cell's next resolution.
  (t) => [uniqueIndex('recognitions_live_member_idx').on(t.memberId).where(sql`${t.state} in ('PROPOSED', 'APPROVED')`)],
);

export const residenceDeclarationState = membersSchema.enum('residence_declaration_state', ['DECLARED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN']);

/**
 * A member's declaration of the party cell where they live (chi bộ nơi cư trú), awaiting the commune committee of
 * that residence (docs/rules/member-register.md#residence): confirmed, it becomes the register's residence cell.
 */
export const residenceDeclarations = membersSchema.table(
  'residence_declarations',
  {
    id: uuid().primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    cellId: uuid('cell_id').notNull(),
    cellPath: text('cell_path').notNull(),
    /** The commune-level committee above the cell, which confirms. */
    communePath: text('commune_path').notNull(),
    state: residenceDeclarationState().notNull().default('DECLARED'),
    declaredBy: uuid('declared_by').notNull(),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Why it was not confirmed. */
    decisionNote: text('decision_note'),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('residence_declarations_member_idx').on(t.memberId, t.declaredAt),
    // One declaration awaiting confirmation per member: fifty at once make one.
    uniqueIndex('residence_declarations_one_open_idx').on(t.memberId).where(sql`${t.state} = 'DECLARED'`),
    index('residence_declarations_open_commune_idx').using('btree', t.communePath.op('text_pattern_ops')).where(sql`${t.state} = 'DECLARED'`),
  ],
);

/**
 * The national list of administrative units the residence codes are checked against
 * (docs/rules/member-register.md#administrative-units): provinces (2-digit codes) and communes, wards and special
 * zones (5 digits, with their province), each valid from a day and, once abolished or renumbered, until one.
 */
export const administrativeUnits = membersSchema.table(
  'administrative_units',
  {
    code: text().notNull(),
    /** `PROVINCE` or `COMMUNE` (a commune, ward or special zone: the level below the province since 01/07/2025). */
    level: text().notNull(),
    /** As the list writes it, with its kind: "Phường Hoa Lư", "Tỉnh Ninh Bình", "Thành phố Hà Nội". */
    name: text().notNull(),
    /** A commune's province; null for a province. */
    provinceCode: text('province_code'),
    /** First day the unit holds under this code. */
    validFrom: date('valid_from').notNull(),
    /** First day it no longer does; null while current. */
    validTo: date('valid_to'),
  },
  (t) => [
    uniqueIndex('administrative_units_code_from_idx').on(t.code, t.validFrom),
    index('administrative_units_province_idx').on(t.provinceCode),
    check('administrative_units_code_shape', sql`(${t.level} = 'PROVINCE' and ${t.code} ~ '^[0-9]{2}$' and ${t.provinceCode} is null) or (${t.level} = 'COMMUNE' and ${t.code} ~ '^[0-9]{5}$' and ${t.provinceCode} ~ '^[0-9]{2}$')`),
  ],
);
