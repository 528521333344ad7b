import { eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { accounts } = tables;

export type AccountRow = typeof accounts.$inferSelect;
export type AccountChanges = Partial<typeof accounts.$inferInsert>;

/** Sign-in accounts. The `…ForUpdate` reads lock the row for the rest of the transaction. */
export function accountRepository(db: Executor) {
  return {
    async byUsername(username: string): Promise<AccountRow | null> {
      const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
      return row ?? null;
    },
    async byUsernameForUpdate(username: string): Promise<AccountRow | null> {
      const [row] = await db.select().from(accounts).where(eq(accounts.username, username)).for('update');
      return row ?? null;
    },
    async ofMemberForUpdate(memberId: string): Promise<AccountRow | null> {
      const [row] = await db.select().from(accounts).where(eq(accounts.memberId, memberId)).for('update');
      return row ?? null;
    },
    ofMembers: (memberIds: readonly string[]) => db.select().from(accounts).where(inArray(accounts.memberId, [...memberIds])),
    async usernameTaken(username: string): Promise<boolean> {
      const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
      return row !== undefined;
    },
    async insert(row: typeof accounts.$inferInsert): Promise<AccountRow> {
      const [created] = await db.insert(accounts).values(row).returning();
      return created!;
    },
    async update(id: string, changes: AccountChanges): Promise<AccountRow> {
      const [updated] = await db.update(accounts).set(changes).where(eq(accounts.id, id)).returning();
      return updated!;
    },
    /** Counts a failed attempt and locks the account for `lockMinutes` once `maxFailures` is reached. */
    recordFailure: (id: string, maxFailures: number, lockMinutes: number) =>
      db
        .update(accounts)
        .set({
          failedAttempts: sql`${accounts.failedAttempts} + 1`,
          lockedUntil: sql`case when ${accounts.failedAttempts} + 1 >= ${maxFailures}
            then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
        })
        .where(eq(accounts.id, id)),
    recordSuccess: (id: string) => db.update(accounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(accounts.id, id)),
    recordTotpStep: (id: string, step: number) => db.update(accounts).set({ totpLastStep: step }).where(eq(accounts.id, id)),
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
