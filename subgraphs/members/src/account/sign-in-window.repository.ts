import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { signInWindows } = tables;

export type SignInAttemptKind = (typeof signInWindows.$inferSelect)['kind'];

export interface WindowLimit {
  /** Attempts a window may hold. */
  attempts: number;
  /** How long a window lasts from its first attempt. */
  seconds: number;
}

/** Attempts counted per username and kind within a window (docs/rules/accounts.md#lock-out). */
export function signInWindowRepository(db: Executor) {
  return {
    /**
     * Counts one attempt at `at`, unless the window already holds `limit.attempts`: then nothing is counted
     * and the answer is false. One statement, so that however many attempts arrive at once, no more than the
     * limit are granted per window (the upsert re-reads the row it waited for). A window that has ended
     * starts again at this attempt.
     */
    async claim(username: string, kind: SignInAttemptKind, limit: WindowLimit, at: Date): Promise<boolean> {
      const endsAt = new Date(at.getTime() + limit.seconds * 1000);
      // Instants go into raw SQL as ISO text: the driver binds no Date there.
      const ended = sql`${signInWindows.endsAt} <= ${at.toISOString()}::timestamptz`;
      const granted = await db
        .insert(signInWindows)
        .values({ username, kind, attempts: 1, endsAt })
        .onConflictDoUpdate({
          target: [signInWindows.username, signInWindows.kind],
          set: {
            attempts: sql`case when ${ended} then 1 else ${signInWindows.attempts} + 1 end`,
            endsAt: sql`case when ${ended} then ${endsAt.toISOString()}::timestamptz else ${signInWindows.endsAt} end`,
          },
          setWhere: sql`${ended} or ${signInWindows.attempts} < ${limit.attempts}`,
        })
        .returning({ attempts: signInWindows.attempts });
      return granted.length > 0;
    },
    /** Forgets the windows of these kinds: after a success, or when an officer clears a lock. */
    clear: (username: string, kinds: readonly SignInAttemptKind[]) =>
      db.delete(signInWindows).where(and(eq(signInWindows.username, username), inArray(signInWindows.kind, [...kinds]))),
    /** Deletes up to `limit` windows that ended before `instant`; returns how many. */
    async purgeEndedBefore(instant: Date, limit: number): Promise<number> {
      const ended = db
        .select({ username: signInWindows.username, kind: signInWindows.kind })
        .from(signInWindows)
        .where(lt(signInWindows.endsAt, instant))
        .limit(limit);
      const deleted = await db
        .delete(signInWindows)
        .where(sql`(${signInWindows.username}, ${signInWindows.kind}) in ${ended}`)
        .returning({ username: signInWindows.username });
      return deleted.length;
    },
    /** The windows of these usernames that have not ended at `at`, full or not. */
    openWindows: (usernames: readonly string[], at: Date) =>
      db
        .select()
        .from(signInWindows)
        .where(and(inArray(signInWindows.username, [...usernames]), gt(signInWindows.endsAt, at))),
  };
}

export type SignInWindowRepository = ReturnType<typeof signInWindowRepository>;
