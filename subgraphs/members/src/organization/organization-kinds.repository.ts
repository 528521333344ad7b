import { inArray } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { organizationKinds } = tables;

/** The register's copy of each organization's kind and path (organization-typed.consumer.ts). */
export function organizationKindRepository(db: Executor) {
  return {
    /** The kind of each organization on a path (`/a/b/c/`), by id; those the register does not know are absent. */
    async onPath(path: string): Promise<Map<string, string>> {
      const ids = path.split('/').filter(Boolean);
      if (ids.length === 0) return new Map();
      const rows = await db.select().from(organizationKinds).where(inArray(organizationKinds.orgId, ids));
      return new Map(rows.map((row) => [row.orgId, row.type]));
    },
    /** The commune-level committees serving the given administrative units (organization.typed). */
    servingUnits: (codes: readonly string[]) =>
      codes.length === 0 ? Promise.resolve([]) : db.select().from(organizationKinds).where(inArray(organizationKinds.administrativeUnitCode, [...codes])),
    /** The given organizations' rows, for a batch loader or to find one's path. */
    of: (orgIds: readonly string[]) => db.select().from(organizationKinds).where(inArray(organizationKinds.orgId, [...orgIds])),
  };
}
