import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { duesShareLinks, duesShareLinkOpens, obligations, qrPayments } = tables;

export type ShareLinkRow = typeof duesShareLinks.$inferSelect;

export function shareLinkRepository(db: Executor) {
  return {
    insert: async (link: typeof duesShareLinks.$inferInsert) => (await db.insert(duesShareLinks).values(link).returning())[0]!,

    byId: async (id: string) => (await db.select().from(duesShareLinks).where(eq(duesShareLinks.id, id)))[0],

    byTokenHash: async (tokenHash: string) => (await db.select().from(duesShareLinks).where(eq(duesShareLinks.tokenHash, tokenHash)))[0],

    /** Each member's links, newest first, at most 20 each (older ones have long expired). */
    ofMembers: async (memberIds: readonly string[]) =>
      (
        await db
          .select({ link: duesShareLinks, amount: sql<string>`${qrPayments.amount}::text` })
          .from(duesShareLinks)
          .innerJoin(qrPayments, eq(qrPayments.id, duesShareLinks.qrPaymentId))
          .where(inArray(duesShareLinks.memberId, [...memberIds]))
          .orderBy(desc(duesShareLinks.createdAt))
          .limit(20 * memberIds.length)
      ).map((row) => ({ ...row.link, amount: BigInt(row.amount) })),

    /** Revokes a link not revoked yet; the first of many revocations at once wins, the others see it done. */
    revoke: async (id: string, by: string | null, at: Date) =>
      (await db.update(duesShareLinks).set({ revokedAt: at, revokedBy: by }).where(and(eq(duesShareLinks.id, id), isNull(duesShareLinks.revokedAt))).returning())[0],

    recordOpen: (linkId: string, outcome: string, at: Date) => db.insert(duesShareLinkOpens).values({ linkId, outcome, openedAt: at }),

    /** How many times each link was opened. */
    openCounts: (linkIds: readonly string[]) =>
      db
        .select({ linkId: duesShareLinkOpens.linkId, opens: sql<number>`count(*)::int` })
        .from(duesShareLinkOpens)
        .where(inArray(duesShareLinkOpens.linkId, [...linkIds]))
        .groupBy(duesShareLinkOpens.linkId),

    /** Each link's months still owed (DUE, OVERDUE, REDUCED), by link id. */
    owedMonths: (links: readonly { id: string; memberId: string; months: string[] }[]) =>
      links.length === 0
        ? Promise.resolve([])
        : db
            .select({ memberId: obligations.memberId, period: obligations.period })
            .from(obligations)
            .where(
              and(
                inArray(obligations.memberId, [...new Set(links.map((link) => link.memberId))]),
                inArray(obligations.period, [...new Set(links.flatMap((link) => link.months))]),
                inArray(obligations.status, ['DUE', 'OVERDUE', 'REDUCED']),
              ),
            ),

    /** The QR payment a link shows: its own while open, else the open one that replaced it for the same months. */
    currentPayment: async (qrPaymentId: string) => {
      const [own] = await db.select().from(qrPayments).where(eq(qrPayments.id, qrPaymentId));
      if (!own || own.status === 'OPEN') return own;
      const [replacement] = await db
        .select()
        .from(qrPayments)
        .where(and(eq(qrPayments.memberId, own.memberId), eq(qrPayments.monthsKey, own.monthsKey), eq(qrPayments.status, 'OPEN')));
      return replacement;
    },
  };
}

export type ShareLinkRepository = ReturnType<typeof shareLinkRepository>;
