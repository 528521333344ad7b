import { and, asc, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';

const { accounts, roleGrants, members, totpRequirements } = tables;

export type AccountRow = typeof accounts.$inferSelect;

/** Counts a failed attempt and locks the account for `lockMinutes` once `maxFailures` is reached. */
export const failedAttempt = (maxFailures: number, lockMinutes: number) => ({
  failedAttempts: sql`${accounts.failedAttempts} + 1`,
  lockedUntil: sql`case when ${accounts.failedAttempts} + 1 >= ${maxFailures}
    then now() + make_interval(mins => ${lockMinutes}) else ${accounts.lockedUntil} end`,
});

/** Grants in force on `day` (YYYY-MM-DD): started, and not yet ended. */
const activeOn = (day: string) =>
  and(lte(roleGrants.startsOn, day), or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, day)));

export function accountRepository(db: Db) {
  return {
    async byUsername(username: string): Promise<AccountRow | null> {
      const [row] = await db.select().from(accounts).where(eq(accounts.username, username));
      return row ?? null;
    },
    activeGrants: (memberId: string, day: string) =>
      db
        .select({ role: roleGrants.role, orgId: roleGrants.orgId, orgPath: roleGrants.orgPath })
        .from(roleGrants)
        .where(and(eq(roleGrants.memberId, memberId), activeOn(day))),
    recordFailure: (accountId: string, maxFailures: number, lockMinutes: number) =>
      db.update(accounts).set(failedAttempt(maxFailures, lockMinutes)).where(eq(accounts.id, accountId)),
    recordTotpStep: (accountId: string, step: number) =>
      db.update(accounts).set({ totpLastStep: step }).where(eq(accounts.id, accountId)),
    /** Which of these organizations require a second factor of their role holders themselves. */
    totpRequirementsOf: (orgIds: readonly string[]) =>
      db.select({ orgId: totpRequirements.orgId }).from(totpRequirements).where(inArray(totpRequirements.orgId, [...orgIds])),
    async totpRequiredPaths(): Promise<string[]> {
      return (await db.select({ path: totpRequirements.orgPath }).from(totpRequirements)).map((row) => row.path);
    },
    recordSuccess: (accountId: string) =>
      db.update(accounts).set({ failedAttempts: 0, lockedUntil: null }).where(eq(accounts.id, accountId)),
    grantsOfMembers: (memberIds: readonly string[]) =>
      db.select().from(roleGrants).where(inArray(roleGrants.memberId, [...memberIds])).orderBy(desc(roleGrants.startsOn)),
    accountsOfMembers: (memberIds: readonly string[]) => db.select().from(accounts).where(inArray(accounts.memberId, [...memberIds])),
    /** Current officers of each organization, with the holder's name. */
    officersOf: (orgIds: readonly string[], day: string) =>
      db
        .select({ orgId: roleGrants.orgId, role: roleGrants.role, fullName: members.fullName })
        .from(roleGrants)
        .innerJoin(members, eq(members.id, roleGrants.memberId))
        .where(
          and(
            inArray(roleGrants.orgId, [...orgIds]),
            inArray(roleGrants.role, ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER']),
            activeOn(day),
          ),
        )
        .orderBy(asc(roleGrants.role), asc(members.fullName)),
  };
}

export type AccountRepository = ReturnType<typeof accountRepository>;
