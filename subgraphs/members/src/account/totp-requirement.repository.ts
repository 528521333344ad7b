import { eq, inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { totpRequirements } = tables;

/** Organizations whose role holders must sign in with a second factor (the whole subtree of each). */
export function totpRequirementRepository(db: Executor) {
  return {
    /** Which of these organizations require it themselves. */
    of: (orgIds: readonly string[]) =>
      db.select({ orgId: totpRequirements.orgId }).from(totpRequirements).where(inArray(totpRequirements.orgId, [...orgIds])),
    async requiredPaths(): Promise<string[]> {
      return (await db.select({ path: totpRequirements.orgPath }).from(totpRequirements)).map((row) => row.path);
    },
    add: (row: typeof totpRequirements.$inferInsert) => db.insert(totpRequirements).values(row).onConflictDoNothing(),
    remove: (orgId: string) => db.delete(totpRequirements).where(eq(totpRequirements.orgId, orgId)),
  };
}

export type TotpRequirementRepository = ReturnType<typeof totpRequirementRepository>;
