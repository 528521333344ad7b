import { sql, type SQL } from 'drizzle-orm';
import { addMonths, type Executor } from '@dangvu/subgraph-kit';
import { TERMINAL_STATUSES } from '../member/status/status.rules.ts';

/** Raised whenever what a figure counts changes; a frozen row keeps the definition it was made with (docs/rules/reports.md#definitions). */
export const MEMBER_FIGURES_DEFINITION = 1;

/** One organization's subtree figures for a month: counts only, no person (docs/decisions/0007-where-reports-live.md). */
export interface MemberFiguresRow {
  orgId: string;
  orgPath: string;
  members: number;
  inScope: number;
  outExempt: number;
  outAbroad: number;
  outOrganizationExcluded: number;
  outNotYetOnline: number;
  accountsIssued: number;
  accountsActivated: number;
  accountsUsed30Days: number;
  commentsRequested: number;
  commentsAnswered: number;
  commentsOverdue: number;
}

export interface StoredMemberFiguresRow extends MemberFiguresRow {
  month: string;
  definition: number;
  frozenAt: Date;
}

const COUNTS = [
  'members',
  'in_scope',
  'out_exempt',
  'out_abroad',
  'out_organization_excluded',
  'out_not_yet_online',
  'accounts_issued',
  'accounts_activated',
  'accounts_used_30_days',
  'comments_requested',
  'comments_answered',
  'comments_overdue',
] as const;

const idOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;

const terminal = sql.join(
  TERMINAL_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * The subtree figures of month `month` as recorded at `now` (docs/rules/reports.md#member-figures), for the
 * organizations at `paths` or, with `null`, for every organization that holds a member or sits above one. The
 * members are grouped by organization first, each organization's place in the roll-out looked up once, then
 * every group is added to the organization itself and to each one above it (its path's ids): a few set-based
 * passes whatever the size of the tree, and the same statement for the live month and for the freeze.
 */
function figuresOf(month: string, now: Date, paths: readonly string[] | null): SQL {
  const start = `${month}-01`;
  const next = `${addMonths(month, 1)}-01`;
  // Path prefixes, one `like` each, so that the index on the path serves a subtree.
  const only = (column: SQL) =>
    paths === null
      ? sql`true`
      : sql`(${sql.join(
          paths.map((path) => sql`${column} like ${`${path}%`}`),
          sql` or `,
        )})`;
  const wanted =
    paths === null
      ? sql`true`
      : sql`x.id in (${sql.join(
          paths.map((path) => sql`${idOf(path)}`),
          sql`, `,
        )})`;
  return sql`
    with bounds as (
      select (${start}::timestamp at time zone 'Asia/Ho_Chi_Minh') as month_start,
             least(${now.toISOString()}::timestamptz, ${next}::timestamp at time zone 'Asia/Ho_Chi_Minh') as cutoff
    ),
    used as (
      select distinct s.member_id from members.sessions s, bounds b
      where s.started_at >= b.cutoff - interval '30 days' and s.started_at < b.cutoff
    ),
    own as (
      select m.org_path,
             count(*)::int as members,
             count(*) filter (where m.activity_status in ('EXEMPT', 'TEMP_EXEMPT'))::int as exempt,
             count(*) filter (where m.activity_status = 'ABROAD')::int as abroad,
             count(*) filter (where m.activity_status not in ('EXEMPT', 'TEMP_EXEMPT', 'ABROAD')
                              and a.id is not null and a.status <> 'REVOKED')::int as issued,
             count(*) filter (where m.activity_status not in ('EXEMPT', 'TEMP_EXEMPT', 'ABROAD')
                              and a.password_hash is not null and a.status <> 'REVOKED')::int as activated,
             count(*) filter (where m.activity_status not in ('EXEMPT', 'TEMP_EXEMPT', 'ABROAD') and u.member_id is not null)::int as used
      from members.members m
      left join members.accounts a on a.member_id = m.id
      left join used u on u.member_id = m.id
      where m.activity_status not in (${terminal}) and ${only(sql`m.org_path`)}
      group by m.org_path
    ),
    placed as (
      select own.*,
             case
               when exists (select 1 from members.rollout_settings r where not r.in_rollout_scope and own.org_path like r.org_path || '%') then 'EXCLUDED'
               when coalesce((select r.rollout_online_from from members.rollout_settings r
                              where r.rollout_online_from is not null and own.org_path like r.org_path || '%'
                              order by length(r.org_path) desc limit 1), date '0001-01-01') >= ${next}::date then 'NOT_YET'
               else 'IN'
             end as place
      from own
    ),
    comments as (
      select c.workplace_path as org_path,
             count(*) filter (where c.requested_at >= b.month_start and c.requested_at < b.cutoff)::int as requested,
             count(*) filter (where c.answered_at >= b.month_start and c.answered_at < b.cutoff)::int as answered,
             count(*) filter (where c.state <> 'CANCELLED' and c.requested_at < b.cutoff
                              and c.due_on < (b.cutoff at time zone 'Asia/Ho_Chi_Minh')::date
                              and (c.answered_at is null or c.answered_at >= b.cutoff))::int as overdue
      from members.residence_comment_requests c, bounds b
      where ${only(sql`c.workplace_path`)}
      group by c.workplace_path
    ),
    groups as (
      select org_path, members,
             case place when 'IN' then members - exempt - abroad else 0 end as in_scope,
             case place when 'IN' then exempt else 0 end as out_exempt,
             case place when 'IN' then abroad else 0 end as out_abroad,
             case place when 'EXCLUDED' then members else 0 end as out_organization_excluded,
             case place when 'NOT_YET' then members else 0 end as out_not_yet_online,
             case place when 'IN' then issued else 0 end as accounts_issued,
             case place when 'IN' then activated else 0 end as accounts_activated,
             case place when 'IN' then used else 0 end as accounts_used_30_days,
             0 as comments_requested, 0 as comments_answered, 0 as comments_overdue
      from placed
      union all
      select org_path, 0, 0, 0, 0, 0, 0, 0, 0, 0, requested, answered, overdue from comments
    )
    select x.id as org_id,
           substr(g.org_path, 1, strpos(g.org_path, '/' || x.id || '/') + length(x.id) + 1) as org_path,
           ${sql.raw(COUNTS.map((column) => `sum(g.${column})::int as ${column}`).join(', '))}
    from groups g
    cross join lateral unnest(string_to_array(trim(both '/' from g.org_path), '/')) as x(id)
    where ${wanted}
    group by x.id, 2`;
}

const camel = (column: string) => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

function toRow(raw: Record<string, unknown>): MemberFiguresRow {
  const row: Record<string, unknown> = { orgId: raw.org_id, orgPath: raw.org_path };
  for (const column of COUNTS) row[camel(column)] = Number(raw[column] ?? 0);
  return row as unknown as MemberFiguresRow;
}

/** The members' monthly figures: computed live, frozen once per month, read back frozen. */
export function memberFiguresRepository(db: Executor) {
  return {
    async live(month: string, paths: readonly string[], now: Date): Promise<MemberFiguresRow[]> {
      if (paths.length === 0) return [];
      return [...(await db.execute<Record<string, unknown>>(figuresOf(month, now, paths)))].map(toRow);
    },

    /** Freezes every organization's row for the month; a row already frozen stays as it was. Returns the rows written. */
    async freeze(month: string, now: Date): Promise<number> {
      const rows = await db.execute(sql`
        insert into members.monthly_figures (month, org_id, org_path, definition, frozen_at, ${sql.raw(COUNTS.join(', '))})
        select ${month}, f.org_id::uuid, f.org_path, ${MEMBER_FIGURES_DEFINITION}, ${now.toISOString()}::timestamptz, ${sql.raw(COUNTS.map((column) => `f.${column}`).join(', '))}
        from (${figuresOf(month, now, null)}) f
        on conflict (month, org_id) do nothing
        returning 1`);
      return [...rows].length;
    },

    /** Whether the month has been frozen (any row at all: the freeze writes the whole tree in one transaction). */
    async frozenMonths(months: readonly string[]): Promise<Set<string>> {
      if (months.length === 0) return new Set();
      const rows = await db.execute<{ month: string }>(sql`
        select distinct month from members.monthly_figures
        where month in (${sql.join(months.map((month) => sql`${month}`), sql`, `)})`);
      return new Set([...rows].map((row) => row.month));
    },

    async frozen(month: string, paths: readonly string[]): Promise<StoredMemberFiguresRow[]> {
      if (paths.length === 0) return [];
      const ids = paths.map(idOf);
      const rows = await db.execute<Record<string, unknown>>(sql`
        select * from members.monthly_figures
        where month = ${month} and org_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
      return [...rows].map((raw) => ({ ...toRow(raw), month: String(raw.month), definition: Number(raw.definition), frozenAt: new Date(String(raw.frozen_at)) }));
    },
  };
}

export type MemberFiguresRepository = ReturnType<typeof memberFiguresRepository>;
