import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';

const { administrativeUnits } = tables;

export type AdministrativeUnitRow = typeof administrativeUnits.$inferSelect;

/** The national list of administrative units (docs/rules/member-register.md#administrative-units). */
export function administrativeUnitRepository(db: Executor) {
  return {
    /** The units holding the given codes on `day` (YYYY-MM-DD), by code; a code unknown that day is absent. */
    async inForce(codes: readonly string[], day: string): Promise<Map<string, AdministrativeUnitRow>> {
      if (codes.length === 0) return new Map();
      const rows = await db
        .select()
        .from(administrativeUnits)
        .where(
          and(
            inArray(administrativeUnits.code, [...codes]),
            lte(administrativeUnits.validFrom, day),
            or(isNull(administrativeUnits.validTo), gt(administrativeUnits.validTo, day)),
          ),
        );
      return new Map(rows.map((row) => [row.code, row]));
    },
    provinces: (day: string) =>
      db
        .select()
        .from(administrativeUnits)
        .where(
          and(
            eq(administrativeUnits.level, 'PROVINCE'),
            lte(administrativeUnits.validFrom, day),
            or(isNull(administrativeUnits.validTo), gt(administrativeUnits.validTo, day)),
          ),
        ),
    /** The unit under `code` stops holding on `day` (its first day out). */
    end: (code: string, day: string) =>
      db.update(administrativeUnits).set({ validTo: day }).where(and(eq(administrativeUnits.code, code), isNull(administrativeUnits.validTo))),
    insert: (row: typeof administrativeUnits.$inferInsert) => db.insert(administrativeUnits).values(row),
  };
}
