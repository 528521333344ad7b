import { sql, type SQL } from 'drizzle-orm';
import { addMonths, figuresTable, underPaths, type Executor } from '@dangvu/subgraph-kit';
import { TERMINAL_STATUSES } from '../member/status/status.rules.ts';

/** Raised whenever what a figure counts changes; a frozen row keeps the definition it was made with (docs/rules/reports.md#definitions). */
export const MEMBER_FIGURES_DEFINITION = 2;

/** One organization's subtree figures for a month: counts only, no person (docs/decisions/0007-where-reports-live.md). */
export interface MemberFiguresRow {
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
  organizations: number;
  secretaryAccounts: number;
  deputyAccounts: number;
  financeAccounts: number;
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
  'organizations',
  'secretary_accounts',
  'deputy_accounts',
  'finance_accounts',
] as const;

const terminal = sql.join(
  TERMINAL_STATUSES.map((status) => sql`${status}`),
  sql`, `,
);

/**
 * The subtree figures of month `month` as recorded at `now` (docs/rules/reports.md#member-figures), for the
 * organizations at `paths` or, with `null`, for every organization that holds a member or sits above one. The
 * members are grouped by organization first, each organization's place in the roll-out looked up once; the
 * kit's figuresTable adds each group to its organization and every one above it.
 */
function groupsOf(month: string, paths: readonly string[] | null, now: Date): SQL {
  const start = `${month}-01`;
  const next = `${addMonths(month, 1)}-01`;
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
      where m.activity_status not in (${terminal}) and ${underPaths(sql`m.org_path`, paths)}
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
      where ${underPaths(sql`c.workplace_path`, paths)}
      group by c.workplace_path
    ),
    roles as (
      -- Each organization counted once, with whether each office is held by a member who can sign in
      -- (docs/rules/reports.md#role-accounts). Party groups have no committee offices.
      select k.org_path,
             count(*) filter (where g.role = 'SECRETARY')::int > 0 as secretary,
             count(*) filter (where g.role = 'DEPUTY_SECRETARY')::int > 0 as deputy,
             count(*) filter (where g.role = 'FINANCE_MEMBER')::int > 0 as finance
      from members.organization_kinds k
      cross join bounds b
      left join members.role_grants g
        on g.org_id = k.org_id
        and g.starts_on <= (b.cutoff at time zone 'Asia/Ho_Chi_Minh')::date
        and (g.ends_on is null or g.ends_on > (b.cutoff at time zone 'Asia/Ho_Chi_Minh')::date)
        and exists (select 1 from members.members m join members.accounts a on a.member_id = m.id
                    where m.id = g.member_id and m.activity_status not in (${terminal})
                      and a.status = 'ACTIVE' and a.password_hash is not null)
      where k.type <> 'PARTY_GROUP' and ${underPaths(sql`k.org_path`, paths)}
        and not exists (select 1 from members.rollout_settings r where not r.in_rollout_scope and k.org_path like r.org_path || '%')
      group by k.org_path
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
             0 as comments_requested, 0 as comments_answered, 0 as comments_overdue,
             0 as organizations, 0 as secretary_accounts, 0 as deputy_accounts, 0 as finance_accounts
      from placed
      union all
      select org_path, 0, 0, 0, 0, 0, 0, 0, 0, 0, requested, answered, overdue, 0, 0, 0, 0 from comments
      union all
      select org_path, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, secretary::int, deputy::int, finance::int from roles
    )
    select * from groups`;
}

/** The members' monthly figures: computed live, frozen once per month, read back frozen. */
export const memberFiguresRepository = (db: Executor) =>
  figuresTable<MemberFiguresRow>(db, { table: 'members.monthly_figures', counts: COUNTS, definition: MEMBER_FIGURES_DEFINITION }, groupsOf);

export type MemberFiguresRepository = ReturnType<typeof memberFiguresRepository>;
