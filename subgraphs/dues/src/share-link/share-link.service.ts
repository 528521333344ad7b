import { randomBytes } from 'node:crypto';
import { auditor, groupLoader, isUuid, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import type { QrPaymentRow } from '../payment/qr-payment.repository.ts';
import type { QrPayments } from '../payment/qr-payment.service.ts';
import type { ShareLinkRow } from './share-link.repository.ts';
import { isShareToken, shareLinkExpiry, shareLinkState, shareToken, shareTokenHash, type ShareLinkState } from './share-link.rules.ts';

/** A link as the member's page lists it. */
export type ShareLinkModel = ShareLinkRow & { amount: bigint; state: ShareLinkState; opens: number };

/** What an opener of a link is shown: its state and, while it pays, the QR payment and nothing about the member. */
export interface SharedPayment {
  state: ShareLinkState | null;
  expiresAt: Date | null;
  payment: QrPaymentRow | null;
}

const NOT_FOUND: UserError = { code: 'LINK_NOT_FOUND', field: 'linkId', message: 'Không tìm thấy liên kết đóng hộ này.' };

/**
 * docs/rules/dues-payments.md#a-shared-link: a link to pay a member's open months that the member, or an officer
 * over them, hands to a relative, who opens it without signing in.
 */
export function shareLinks(store: DuesStore, context: RequestContext & { now: () => Date }, qrPayments: QrPayments) {
  const audit = auditor(context);
  const repos = store.repos;
  const stateOf = async (links: readonly ShareLinkRow[], now: Date) => {
    const owed = await repos.shareLinks.owedMonths(links);
    return (link: ShareLinkRow) => shareLinkState(link, owed.some((row) => row.memberId === link.memberId && link.months.includes(row.period)), now);
  };
  const ofMember = groupLoader(async (memberIds: readonly string[]): Promise<ShareLinkModel[]> => {
    const links = await repos.shareLinks.ofMembers(memberIds);
    const state = await stateOf(links, context.now());
    const opens = new Map((await repos.shareLinks.openCounts(links.map((link) => link.id))).map((row) => [row.linkId, row.opens]));
    return links.map((link) => ({ ...link, state: state(link), opens: opens.get(link.id) ?? 0 }));
  }, (link) => link.memberId);
  const withState = async (link: ShareLinkRow): Promise<ShareLinkModel> => (await ofMember.load(link.memberId)).find((row) => row.id === link.id)!;

  return {
    ofMember: (memberId: string) => ofMember.load(memberId),

    /** Prepares the months' QR payment as `preparePayment` does (same checks, same caller), then the link to it; the token is given once. */
    async create(input: { memberId: string; months: readonly string[] }) {
      const prepared = await qrPayments.prepare(input);
      if (!prepared.payment) return { link: null, token: null, userErrors: prepared.userErrors };
      const token = shareToken(randomBytes(32));
      const now = context.now();
      const link = await store.transaction(async (tx) => {
        const row = await tx.shareLinks.insert({
          tokenHash: shareTokenHash(token),
          memberId: input.memberId,
          qrPaymentId: prepared.payment.id,
          months: prepared.payment.months,
          createdBy: context.identity.personId,
          createdAt: now,
          expiresAt: shareLinkExpiry(now),
        });
        await audit(tx.audit, { action: 'dues.shareLinkCreated', entityType: 'DuesShareLink', entityId: row.id, after: { months: row.months, expiresAt: row.expiresAt.toISOString() }, subjectMemberId: input.memberId });
        return row;
      });
      return { link: await withState(link), token, userErrors: [] };
    },

    /**
     * Revokes a link: the member, or an officer over them; a link revoked already stays as it was. Anyone else is
     * told there is no such link, as for an unknown id: whether a link exists is not theirs to learn.
     */
    async revoke(linkId: string) {
      const link = isUuid(linkId) ? await repos.shareLinks.byId(linkId) : undefined;
      const payer = link && (await repos.payments.payer(link.memberId));
      if (!link || !payer || !policy.can(context.identity, 'PREPARE_DUES_PAYMENT', { id: link.memberId, orgPath: payer.orgPath })) return { link: null, userErrors: [NOT_FOUND] };
      const revoked = await store.transaction(async (tx) => {
        const row = await tx.shareLinks.revoke(link.id, context.identity.personId, context.now());
        if (row) await audit(tx.audit, { action: 'dues.shareLinkRevoked', entityType: 'DuesShareLink', entityId: row.id, orgPath: payer.orgPath, subjectMemberId: row.memberId });
        return row ?? link;
      });
      return { link: await withState(revoked), userErrors: [] };
    },

    /** A link opened by its token, by anyone; every opening of a real link is recorded with what it showed. */
    async open(token: string): Promise<SharedPayment> {
      const link = isShareToken(token) ? await repos.shareLinks.byTokenHash(shareTokenHash(token)) : undefined;
      if (!link) return { state: null, expiresAt: null, payment: null };
      const now = context.now();
      let state = (await stateOf([link], now))(link);
      const payment = state === 'ACTIVE' ? ((await repos.shareLinks.currentPayment(link.qrPaymentId)) ?? null) : null;
      // The months' payment was retired without a new one (its months changed since): the link no longer pays.
      if (state === 'ACTIVE' && !payment) state = 'EXPIRED';
      await repos.shareLinks.recordOpen(link.id, state, now);
      return { state, expiresAt: link.expiresAt, payment };
    },
  };
}

export type ShareLinks = ReturnType<typeof shareLinks>;
