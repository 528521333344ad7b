import { inArray, sql, type SQL } from 'drizzle-orm';
import { tables } from '@dangvu/drizzle';
import type { Executor } from '@dangvu/subgraph-kit';
import type { MemberRow } from '../member/member.repository.ts';
import { CHECK_NAMES, type DataQualityCheck, type DataQualityCounts } from './data-quality.rules.ts';

const { members } = tables;
const TERMINAL = sql`('REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT')`;
const INCOME_CATEGORIES = sql`('SOCIAL_INSURANCE_SALARY', 'SOCIAL_INSURANCE_BENEFIT', 'PENSION', 'ABROAD_ALLOWANCE')`;

/**
 * Each check as a condition on a row of `m`, the subtree's living members with two window counts
 * (`roster_count`, `namesake_count`). `today` is the Vietnamese calendar day.
 */
function conditions(today: string): Record<DataQualityCheck, SQL> {
  return {
    CITIZEN_ID_MISMATCH: sql`(substr(m.citizen_id, 4, 1)::int <> (extract(year from m.birth_date)::int / 100 - 19) * 2 + (m.gender = 'FEMALE')::int
      or substr(m.citizen_id, 5, 2) <> to_char(m.birth_date, 'YY'))`,
    JOINED_UNDER_18: sql`m.joined_on < m.birth_date + interval '18 years'`,
    DATE_IN_FUTURE: sql`(m.joined_on > ${today}::date or m.official_on > ${today}::date)`,
    CARD_NUMBER_MISSING: sql`(m.membership_kind = 'OFFICIAL' and m.card_number is null)`,
    DOSSIER_NUMBER_MISSING: sql`m.dossier_number is null`,
    DUES_BASIS_MISSING: sql`(m.dues_category in ${INCOME_CATEGORIES} and coalesce(m.dues_basis, 0) = 0)`,
    PHONE_MISSING: sql`m.phone is null`,
    ROSTER_NUMBER_DUPLICATE: sql`(m.roster_number is not null and m.roster_count > 1)`,
    PROBABLE_DUPLICATE: sql`m.namesake_count > 1`,
    PROBATION_OVERDUE: sql`(m.membership_kind = 'PROBATIONARY' and m.joined_on + interval '12 months' < ${today}::date)`,
    TEMPORARY_HOST_ENDED: sql`m.temporary_host_until < ${today}::date`,
  };
}

const anyFinding = (today: string) => {
  const checks = conditions(today);
  return sql.join(CHECK_NAMES.map((name) => sql`(${checks[name]})`), sql` or `);
};

/** The subtree's living members, with the counts the "clean" checks compare within it. */
const subtree = (path: string) => sql`
  select ${members}.*,
    count(*) over (partition by org_id, roster_number) as roster_count,
    count(*) over (partition by birth_date, name_search) as namesake_count
  from ${members}
  where org_path like ${`${path}%`} and activity_status not in ${TERMINAL}`;

export function dataQualityRepository(executor: Executor) {
  return {
    /** Each check's count and the members with any finding, for each subtree: one statement for the batch. */
    async countsUnder(paths: readonly string[], today: string): Promise<(DataQualityCounts & { path: string })[]> {
      const checks = conditions(today);
      const columns = sql.join(
        CHECK_NAMES.map((name) => sql`count(*) filter (where ${checks[name]})::int as ${sql.identifier(name)}`),
        sql`, `,
      );
      const any = anyFinding(today);
      const rows = (await executor.execute(
        sql.join(
          paths.map((path) => sql`(select ${path}::text as path, count(*)::int as members, count(*) filter (where ${any})::int as with_issues, ${columns} from (${subtree(path)}) m)`),
          sql` union all `,
        ),
      )) as unknown as Record<string, number | string>[];
      return rows.map((row) => ({
        path: row.path as string,
        members: row.members as number,
        membersWithIssues: row.with_issues as number,
        counts: Object.fromEntries(CHECK_NAMES.map((name) => [name, row[name] as number])) as Record<DataQualityCheck, number>,
      }));
    },
    /** The members a check (or any check) finds in a subtree, by name without diacritics then id, after `after` (a member id). */
    async findings(path: string, check: DataQualityCheck | null, today: string, after: string | null, limit: number): Promise<MemberRow[]> {
      const found = (await executor.execute(sql`
        select m.id from (${subtree(path)}) m
        where ${check ? conditions(today)[check] : anyFinding(today)}
          ${after ? sql`and (m.name_search, m.id) > (select name_search, id from ${members} where id = ${after})` : sql``}
        order by m.name_search, m.id limit ${limit}`)) as unknown as { id: string }[];
      if (found.length === 0) return [];
      const rows = await executor.select().from(members).where(inArray(members.id, found.map((row) => row.id)));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return found.map((row) => byId.get(row.id)!);
    },
  };
}

export type DataQualityRepository = ReturnType<typeof dataQualityRepository>;
