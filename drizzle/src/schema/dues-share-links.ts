import { date, index, timestamp, text, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { duesSchema } from './dues.ts';

/**
 * docs/rules/dues-payments.md#a-shared-link: a link a member (or an officer over them) hands to a relative who
 * pays the member's open months without signing in. Only the SHA-256 of its token is kept, so the table does not
 * open the links; the link pays one QR payment's months and stops at `expiresAt`, at revocation or once paid.
 */
export const duesShareLinks = duesSchema.table(
  'share_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Hex SHA-256 of the token the link carries. */
    tokenHash: text('token_hash').notNull(),
    memberId: uuid('member_id').notNull(),
    /** The QR payment the link shows (a newer one for the same months replaces it when the amount changed). */
    qrPaymentId: uuid('qr_payment_id').notNull(),
    /** First days of the months it pays, oldest first. */
    months: date().array().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [uniqueIndex('share_links_token_idx').on(t.tokenHash), index('share_links_member_idx').on(t.memberId, t.createdAt)],
);

/** Each opening of a shared link, with what it found (docs/rules/dues-payments.md#a-shared-link). */
export const duesShareLinkOpens = duesSchema.table(
  'share_link_opens',
  {
    id: uuid().primaryKey().defaultRandom(),
    linkId: uuid('link_id').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    /** ACTIVE, EXPIRED, REVOKED or PAID: what the opener was shown. */
    outcome: text().notNull(),
  },
  (t) => [index('share_link_opens_link_idx').on(t.linkId, t.openedAt)],
);
