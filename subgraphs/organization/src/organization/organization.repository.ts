import { asc, inArray, isNull } from 'drizzle-orm';
import { tables, type Db } from '@dangvu/drizzle';

export type OrganizationRow = typeof tables.organizations.$inferSelect;

const { organizations } = tables;

export function organizationRepository(db: Db) {
  return {
    byIds: (ids: readonly string[]) => db.select().from(organizations).where(inArray(organizations.id, [...ids])),
    childrenOf: (parentIds: readonly string[]) =>
      db
        .select()
        .from(organizations)
        .where(inArray(organizations.parentId, [...parentIds]))
        .orderBy(asc(organizations.name)),
    roots: () => db.select().from(organizations).where(isNull(organizations.parentId)).orderBy(asc(organizations.name)),
  };
}

export type OrganizationRepository = ReturnType<typeof organizationRepository>;
