import { sql } from 'drizzle-orm';
import type { Executor } from '@dangvu/subgraph-kit';
import { ACCOUNT_ELIGIBLE_TYPES } from '../bank-account/bank-account.rules.ts';

/** Members with official activity directly in an organization, and in it with everything under it. */
export interface SizeRow {
  orgId: string;
  members: number;
  subtreeMembers: number;
}

/**
 * A subtree's readiness counts over its organizations in the roll-out and not dissolved: how many of them are
 * eligible for a dues account and hold one, and how many have had their kind reviewed.
 */
export interface CoverageRow {
  path: string;
  eligible: number;
  covered: number;
  organizations: number;
  classified: number;
}

const eligibleTypes = sql.join(
  ACCOUNT_ELIGIBLE_TYPES.map((type) => sql`${type}`),
  sql`, `,
);

/**
 * The figures of the readiness panel and the Statute's size checks, each a batch over many organizations so
 * that a loader spends one statement on a whole list. Counts come from the `member_counts` read model.
 */
export function readinessRepository(db: Executor) {
  return {
    async sizes(orgIds: readonly string[]): Promise<SizeRow[]> {
      if (orgIds.length === 0) return [];
      const rows = await db.execute<{ org_id: string; members: number; subtree_members: number }>(sql`
        select o.id as org_id,
               coalesce((select m.members from organization.member_counts m where m.org_id = o.id), 0)::int as members,
               coalesce((select sum(m.members) from organization.organizations d
                         join organization.member_counts m on m.org_id = d.id
                         where d.path like o.path || '%' and d.dissolved_on is null), 0)::int as subtree_members
        from organization.organizations o
        where o.id in (${sql.join(
          orgIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`);
      return [...rows].map((row) => ({ orgId: row.org_id, members: row.members, subtreeMembers: row.subtree_members }));
    },
    /**
     * Organizations kept out of the roll-out, themselves or by one above, are not counted
     * (docs/rules/bank-accounts.md#coverage, docs/rules/organization-tree.md#classification-review).
     */
    async coverage(paths: readonly string[]): Promise<CoverageRow[]> {
      if (paths.length === 0) return [];
      const rows = await db.execute<{ path: string; eligible: number; covered: number; organizations: number; classified: number }>(sql`
        select p.path,
               count(o.id) filter (where o.type in (${eligibleTypes}))::int as eligible,
               count(b.org_id) filter (where o.type in (${eligibleTypes}))::int as covered,
               count(o.id)::int as organizations,
               count(o.id) filter (where o.classified_on is not null)::int as classified
        from unnest(array[${sql.join(
          paths.map((path) => sql`${path}`),
          sql`, `,
        )}]::text[]) as p(path)
        left join organization.organizations o
          on o.path like p.path || '%' and o.dissolved_on is null
          and not exists (select 1 from organization.organizations a
                          where not a.in_rollout_scope and o.path like a.path || '%')
        left join organization.bank_accounts b on b.org_id = o.id
        group by p.path`);
      return [...rows].map((row) => ({ path: row.path, eligible: row.eligible, covered: row.covered, organizations: row.organizations, classified: row.classified }));
    },
  };
}

export type ReadinessRepository = ReturnType<typeof readinessRepository>;
