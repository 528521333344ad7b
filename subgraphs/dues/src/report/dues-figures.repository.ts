import { sql, type SQL } from 'drizzle-orm';
import { figuresTable, underPaths, type Executor } from '@dangvu/subgraph-kit';

/** Raised whenever what a figure counts changes; a frozen row keeps the definition it was made with (docs/rules/reports.md#definitions). */
export const DUES_FIGURES_DEFINITION = 1;

/** One organization's subtree dues figures for a month: counts and whole dong, no person. */
export interface DuesFiguresRow {
  orgPath: string;
  obligations: number;
  expected: bigint;
  collectedOnline: bigint;
  collectedCash: bigint;
  collectedPrepaid: bigint;
  settled: number;
  membersTwoUnpaid: number;
  membersThreeUnpaid: number;
}

const COUNTS = ['obligations', 'settled', 'members_two_unpaid', 'members_three_unpaid'] as const;
const MONEY = ['expected', 'collected_online', 'collected_cash', 'collected_prepaid'] as const;

/**
 * Month `month`'s dues figures of the subtrees of `paths` (or, with null, of every organization above a
 * payer), as the obligations stand now (docs/rules/reports.md#dues-figures): the month's obligations grouped
 * by organization (the kit's figuresTable adds them up the tree). An obligation's
 * organization is placed by the roll of payers' paths (the dues subgraph reads no other schema).
 */
function groupsOf(month: string, paths: readonly string[] | null): SQL {
  const period = `${month}-01`;
  const yearStart = `${month.slice(0, 4)}-01-01`;
  return sql`
    with places as (
      select distinct on (org_id) org_id, org_path from dues.payers order by org_id, org_path
    ),
    unpaid as (
      select o.member_id, count(*)::int as months from dues.obligations o
      where o.period >= ${yearStart}::date and o.period <= ${period}::date and o.status in ('DUE', 'OVERDUE', 'REDUCED')
      group by o.member_id
    ),
    own as (
      select p.org_path,
             count(*) filter (where o.status <> 'DEFERRED')::int as obligations,
             coalesce(sum(o.amount) filter (where o.status <> 'DEFERRED'), 0)::bigint as expected,
             coalesce(sum(o.amount) filter (where o.status = 'PAID_ONLINE'), 0)::bigint as collected_online,
             coalesce(sum(o.amount) filter (where o.status = 'PAID_CASH'), 0)::bigint as collected_cash,
             coalesce(sum(o.amount) filter (where o.status = 'PREPAID'), 0)::bigint as collected_prepaid,
             count(*) filter (where o.status in ('PAID_ONLINE', 'PAID_CASH', 'PREPAID', 'WAIVED'))::int as settled,
             count(*) filter (where u.months = 2)::int as members_two_unpaid,
             count(*) filter (where u.months >= 3)::int as members_three_unpaid
      from dues.obligations o
      join places p on p.org_id = o.org_id
      left join unpaid u on u.member_id = o.member_id
      where o.period = ${period}::date
      and ${underPaths(sql`p.org_path`, paths)}
      group by p.org_path
    )
    select * from own`;
}

/** The dues' monthly figures: computed live, frozen once per month, read back frozen. */
export const duesFiguresRepository = (db: Executor) =>
  figuresTable<DuesFiguresRow>(db, { table: 'dues.monthly_figures', counts: COUNTS, money: MONEY, definition: DUES_FIGURES_DEFINITION }, groupsOf);

export type DuesFiguresRepository = ReturnType<typeof duesFiguresRepository>;
