import { eq, inArray, sql } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { duesOrganizations, orgWageRegions } = tables;

export type DuesOrganizationRow = typeof duesOrganizations.$inferSelect;

/** The dues subgraph's copy of the organizations' paths and types, and each one's wage region. */
export function duesOrganizationRepository(db: Executor) {
  return {
    /** The organizations of a path `/a/b/c/` that the copy knows, outermost first. */
    onPath: async (path: string): Promise<DuesOrganizationRow[]> => {
      const ids = path.split('/').filter(Boolean);
      const rows = await db.select().from(duesOrganizations).where(inArray(duesOrganizations.orgId, ids));
      return rows.sort((a, b) => ids.indexOf(a.orgId) - ids.indexOf(b.orgId));
    },

    async byId(orgId: string): Promise<DuesOrganizationRow | undefined> {
      const [row] = await db.select().from(duesOrganizations).where(eq(duesOrganizations.orgId, orgId));
      return row;
    },

    /** Keeps what the organization subgraph announced: the organization's path and type now. */
    save: (row: { orgId: string; path: string; type: string }) =>
      db
        .insert(duesOrganizations)
        .values(row)
        .onConflictDoUpdate({ target: duesOrganizations.orgId, set: { path: row.path, type: row.type, updatedAt: sql`now()` } }),

    async wageRegion(orgId: string) {
      const [row] = await db.select({ region: orgWageRegions.region }).from(orgWageRegions).where(eq(orgWageRegions.orgId, orgId));
      return row?.region ?? null;
    },

    setWageRegion: (orgId: string, region: (typeof orgWageRegions.$inferInsert)['region']) =>
      db
        .insert(orgWageRegions)
        .values({ orgId, region })
        .onConflictDoUpdate({ target: orgWageRegions.orgId, set: { region, updatedAt: sql`now()` } }),
  };
}
