import { and, eq, isNull } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { sessions, refreshTokens } = tables;

export type SessionRow = typeof sessions.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
export type SessionEndReason = NonNullable<SessionRow['endReason']>;

/** Sign-in sessions and their refresh tokens. The `…ForUpdate` reads lock the row for the rest of the transaction. */
export function sessionRepository(db: Executor) {
  return {
    async start(row: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [created] = await db.insert(sessions).values(row).returning();
      return created!;
    },
    async byId(id: string): Promise<SessionRow | null> {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
      return row ?? null;
    },
    async byIdForUpdate(id: string): Promise<SessionRow | null> {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, id)).for('update');
      return row ?? null;
    },
    /** Ends one session, if it is still open. */
    end: (id: string, reason: SessionEndReason, at: Date) =>
      db.update(sessions).set({ endedAt: at, endReason: reason }).where(and(eq(sessions.id, id), isNull(sessions.endedAt))),
    /** Ends every open session of an account; returns how many there were. */
    async endAllOf(accountId: string, reason: SessionEndReason, at: Date): Promise<number> {
      const ended = await db
        .update(sessions)
        .set({ endedAt: at, endReason: reason })
        .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)))
        .returning({ id: sessions.id });
      return ended.length;
    },
    issueRefreshToken: (row: typeof refreshTokens.$inferInsert) => db.insert(refreshTokens).values(row),
    async refreshTokenForUpdate(tokenHash: string): Promise<RefreshTokenRow | null> {
      const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update');
      return row ?? null;
    },
    markRefreshTokenUsed: (tokenHash: string, at: Date) => db.update(refreshTokens).set({ usedAt: at }).where(eq(refreshTokens.tokenHash, tokenHash)),
  };
}

export type SessionRepository = ReturnType<typeof sessionRepository>;
