import { eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { bankAccounts } = tables;

export type BankAccountRow = typeof bankAccounts.$inferSelect;
export type BankAccountInsert = typeof bankAccounts.$inferInsert;

/** Each organization's dues account, one per organization. */
export function bankAccountRepository(db: Executor) {
  return {
    ofOrganizations: (orgIds: readonly string[]): Promise<BankAccountRow[]> => db.select().from(bankAccounts).where(inArray(bankAccounts.orgId, [...orgIds])),
    async ofOrganizationForUpdate(orgId: string): Promise<BankAccountRow | null> {
      const [row] = await db.select().from(bankAccounts).where(eq(bankAccounts.orgId, orgId)).for('update');
      return row ?? null;
    },
    /** Sets the organization's account, replacing the one it had. */
    async save(row: BankAccountInsert): Promise<BankAccountRow> {
      const [saved] = await db
        .insert(bankAccounts)
        .values(row)
        .onConflictDoUpdate({
          target: bankAccounts.orgId,
          set: { bankBin: row.bankBin, accountNumber: row.accountNumber, holderName: row.holderName, updatedAt: sql`now()`, updatedBy: row.updatedBy },
        })
        .returning();
      return saved!;
    },
  };
}

export type BankAccountRepository = ReturnType<typeof bankAccountRepository>;
