import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { tables, type Db, type Tx } from '@dangvu/drizzle';
import { failedAttempt } from './account.repository.ts';

const { accounts, members, roleGrants, partnerClients } = tables;

export type MemberRow = typeof members.$inferSelect;
export type AccountRow = typeof accounts.$inferSelect;
export type RoleGrantRow = typeof roleGrants.$inferSelect;
export type PartnerRow = typeof partnerClients.$inferSelect;

/** Writes behind account and role administration, each inside the caller's transaction. */
export const accountAdmin = {
  async member(tx: Tx, id: string): Promise<MemberRow | null> {
    const [row] = await tx.select().from(members).where(eq(members.id, id));
    return row ?? null;
  },
  async accountOfMember(tx: Tx, memberId: string): Promise<AccountRow | null> {
    const [row] = await tx.select().from(accounts).where(eq(accounts.memberId, memberId)).for('update');
    return row ?? null;
  },
  async accountByUsername(tx: Tx, username: string): Promise<AccountRow | null> {
    const [row] = await tx.select().from(accounts).where(eq(accounts.username, username)).for('update');
    return row ?? null;
  },
  async usernameTaken(tx: Tx, username: string): Promise<boolean> {
    const [row] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username));
    return row !== undefined;
  },
  async insertAccount(tx: Tx, row: typeof accounts.$inferInsert): Promise<AccountRow> {
    const [created] = await tx.insert(accounts).values(row).returning();
    return created!;
  },
  async updateAccount(tx: Tx, id: string, changes: Partial<typeof accounts.$inferInsert>): Promise<AccountRow> {
    const [updated] = await tx.update(accounts).set(changes).where(eq(accounts.id, id)).returning();
    return updated!;
  },
  async recordFailure(tx: Tx, id: string, maxFailures: number, lockMinutes: number): Promise<void> {
    await tx.update(accounts).set(failedAttempt(maxFailures, lockMinutes)).where(eq(accounts.id, id));
  },
  async grant(tx: Tx, id: string): Promise<RoleGrantRow | null> {
    const [row] = await tx.select().from(roleGrants).where(eq(roleGrants.id, id)).for('update');
    return row ?? null;
  },
  /**
   * Grants of `role` on `orgId` still in force on or after `day`, read under a lock on (organization, role)
   * so that two administrators cannot both appoint a secretary at once.
   */
  async grantsInForce(tx: Tx, orgId: string, role: RoleGrantRow['role'], day: string): Promise<RoleGrantRow[]> {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${orgId}:${role}`}))`);
    return tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.orgId, orgId), eq(roleGrants.role, role), or(isNull(roleGrants.endsOn), gt(roleGrants.endsOn, day))));
  },
  async insertGrant(tx: Tx, row: typeof roleGrants.$inferInsert): Promise<RoleGrantRow> {
    const [created] = await tx.insert(roleGrants).values(row).returning();
    return created!;
  },
  async endGrant(tx: Tx, id: string, endsOn: string): Promise<RoleGrantRow> {
    const [ended] = await tx.update(roleGrants).set({ endsOn }).where(eq(roleGrants.id, id)).returning();
    return ended!;
  },
  async insertPartner(tx: Tx, row: typeof partnerClients.$inferInsert): Promise<PartnerRow> {
    const [created] = await tx.insert(partnerClients).values(row).returning();
    return created!;
  },
  async partner(db: Db | Tx, id: string): Promise<PartnerRow | null> {
    const [row] = await db.select().from(partnerClients).where(eq(partnerClients.id, id));
    return row ?? null;
  },
};
