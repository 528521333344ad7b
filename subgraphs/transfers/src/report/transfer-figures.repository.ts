import { sql, type SQL } from 'drizzle-orm';
import { addMonths, figuresTable, underPaths, type Executor } from '@dangvu/subgraph-kit';

/** Raised whenever what a figure counts changes (docs/rules/reports.md#definitions). */
export const TRANSFER_FIGURES_DEFINITION = 1;

type PerKind<K extends string> = Record<`${K}Received` | `${K}Completed` | `${K}OnTime` | `${K}Overdue` | `${K}CompletedOnline`, number>;

/** One organization's subtree transfer figures for a month, per procedure: counts only. */
export type TransferFiguresRow = { orgPath: string } & PerKind<'official'> & PerKind<'temporary'>;

const MEASURES = ['received', 'completed', 'on_time', 'overdue', 'completed_online'] as const;
const COUNTS = (['official', 'temporary'] as const).flatMap((kind) => MEASURES.map((measure) => `${kind}_${measure}`));

/**
 * Month M's dossiers of the subtrees of `paths` (or all), by the organization that sent them
 * (docs/rules/reports.md#transfer-figures), read from their steps as recorded at `now`: received (submitted in
 * M), completed in M, of those the ones never overdue, overdue and still open at M's end, and completed with
 * a receiving organization inside the system (the online share's numerator).
 */
function groupsOf(month: string, paths: readonly string[] | null, now: Date): SQL {
  const start = `${month}-01`;
  const next = `${addMonths(month, 1)}-01`;
  const per = (kind: 'OFFICIAL' | 'TEMPORARY') => {
    const prefix = kind.toLowerCase();
    return sql.raw(`
      count(*) filter (where kind = '${kind}' and submitted_at >= month_start and submitted_at < cutoff)::int as ${prefix}_received,
      count(*) filter (where kind = '${kind}' and completed_at >= month_start and completed_at < cutoff)::int as ${prefix}_completed,
      count(*) filter (where kind = '${kind}' and completed_at >= month_start and completed_at < cutoff and not was_overdue)::int as ${prefix}_on_time,
      count(*) filter (where kind = '${kind}' and was_overdue and (closed_at is null or closed_at >= cutoff))::int as ${prefix}_overdue,
      count(*) filter (where kind = '${kind}' and completed_at >= month_start and completed_at < cutoff and inside)::int as ${prefix}_completed_online`);
  };
  return sql`
    with bounds as (
      select (${start}::timestamp at time zone 'Asia/Ho_Chi_Minh') as month_start,
             least(${now.toISOString()}::timestamptz, ${next}::timestamp at time zone 'Asia/Ho_Chi_Minh') as cutoff
    ),
    dossiers as (
      select t.origin_path as org_path, t.kind, t.to_org_id is not null as inside, b.month_start, b.cutoff,
             min(s.at) filter (where s.to_state = 'SUBMITTED') as submitted_at,
             min(s.at) filter (where s.to_state = 'COMPLETED') as completed_at,
             min(s.at) filter (where s.to_state in ('COMPLETED', 'ENDED', 'REJECTED', 'REFUSED', 'CANCELLED')) as closed_at,
             (bool_or(s.to_state = 'OVERDUE' and s.at < b.cutoff) or coalesce(t.start_overdue_on < (b.cutoff at time zone 'Asia/Ho_Chi_Minh')::date, false)) as was_overdue
      from transfers.transfers t
      join transfers.transfer_steps s on s.transfer_id = t.id
      cross join bounds b
      where t.origin_path is not null and ${underPaths(sql`t.origin_path`, paths)}
      group by t.id, b.month_start, b.cutoff
    )
    select org_path, ${per('OFFICIAL')}, ${per('TEMPORARY')}
    from dossiers
    group by org_path`;
}

/** The transfers' monthly figures: computed live, frozen once per month, read back frozen. */
export const transferFiguresRepository = (db: Executor) =>
  figuresTable<TransferFiguresRow>(db, { table: 'transfers.monthly_figures', counts: COUNTS, definition: TRANSFER_FIGURES_DEFINITION }, groupsOf);

export type TransferFiguresRepository = ReturnType<typeof transferFiguresRepository>;
