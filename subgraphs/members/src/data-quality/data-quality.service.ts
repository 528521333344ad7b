import { groupLoader, vietnamDay } from '@dangvu/subgraph-kit';
import type { OrganizationReference } from '../policy.ts';
import type { MembersStore } from '../repositories.ts';
import type { ViewRecorder } from '../audit/view-recorder.ts';
import { CHECK_NAMES, DATA_QUALITY_CHECKS, dataQualityScore, type DataQualityCheck } from './data-quality.rules.ts';

const MAX_FINDINGS = 200;

/**
 * The continuous checks on an organization's subtree (docs/rules/data-quality.md): counts that name no one,
 * batched per request over every organization asked, and the list of members a check finds, for those who fix them.
 */
export function dataQualityService(store: MembersStore, views: ViewRecorder, today = () => vietnamDay(new Date())) {
  const counts = groupLoader((paths: readonly string[]) => store.repos.dataQuality.countsUnder(paths, today()), (row) => row.path);
  return {
    async summary(organization: OrganizationReference) {
      const [row] = await counts.load(organization.path!);
      const figures = row ?? { members: 0, membersWithIssues: 0, counts: Object.fromEntries(CHECK_NAMES.map((name) => [name, 0])) as Record<DataQualityCheck, number> };
      return {
        members: figures.members,
        membersWithIssues: figures.membersWithIssues,
        score: dataQualityScore(figures),
        checks: CHECK_NAMES.map((check) => ({ check, ...DATA_QUALITY_CHECKS[check], count: figures.counts[check] })),
      };
    },
    /** The members to fix; each is a read of their record, recorded as such. */
    async findings(organization: OrganizationReference, check: DataQualityCheck | null, after: string | null, first: number) {
      const found = await store.repos.dataQuality.findings(organization.path!, check, today(), after, Math.min(Math.max(first, 1), MAX_FINDINGS));
      for (const member of found) views.record(member);
      return found;
    },
  };
}

export type DataQualityService = ReturnType<typeof dataQualityService>;
