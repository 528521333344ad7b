import { and, eq, inArray, isNotNull, isNull, lt, notLike, or } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import { SEALED_PREFIX } from './account-secrets.ts';

const { accounts } = tables;

export type AccountRow = typeof accounts.$inferSelect;
export type AccountChanges = Partial<typeof accounts.$inferInsert>;

/** Sign-in accounts. The `…ForUpdate` reads lock the row for the rest of the transaction. */
export function accountRepository(db: Executor) {
  return {
    async byId(id: string): Promise<AccountRow | null> {
      const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
      return row ?? null;
    },
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
    /** Accounts whose TOTP secret is still stored in the clear, from before secrets were sealed. */
    withUnsealedTotpSecrets: () =>
      db
        .select()
        .from(accounts)
        .where(and(isNotNull(accounts.totpSecret), notLike(accounts.totpSecret, `${SEALED_PREFIX}%`))),
    /**
     * Marks the second factor's `step` used, unless it or a later one was: one statement, so that of several
     * sign-ins with the same code at once exactly one wins (docs/rules/accounts.md#second-factor).
     */
    async claimTotpStep(id: string, step: number): Promise<boolean> {
      const claimed = await db
        .update(accounts)
        .set({ totpLastStep: step })
        .where(and(eq(accounts.id, id), or(isNull(accounts.totpLastStep), lt(accounts.totpLastStep, step))))
        .returning({ id: accounts.id });
      return claimed.length > 0;
    },
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
