import { auditor, notFound, parseId, type RequestContext, type UserError } from '@dangvu/subgraph-kit';
import { policy } from '../policy.ts';
import type { DuesStore } from '../repositories.ts';
import type { WageRegion } from '../rates/rates.config.ts';

export interface SetWageRegionInput {
  organizationId: string;
  region: WageRegion;
}

export interface SetWageRegionResult {
  organization: { id: string; path: string } | null;
  userErrors: UserError[];
}

/** docs/rules/dues-obligations.md#wage-region: the region an organization's members without income pay by, set from above and audited. */
export function wageRegions(store: DuesStore, context: RequestContext) {
  const audit = auditor(context);
  return {
    /** The region set for the organization, or null. */
    of: (orgId: string) => store.repos.organizations.wageRegion(orgId),

    async set(input: SetWageRegionInput): Promise<SetWageRegionResult> {
      const orgId = parseId(input.organizationId);
      return store.transaction(async (repos) => {
        const organization = await repos.organizations.byId(orgId);
        if (!organization) throw notFound('tổ chức');
        policy.assert(context.identity, 'SET_WAGE_REGION', { id: orgId, path: organization.path });
        const before = await repos.organizations.wageRegion(orgId);
        const reference = { id: orgId, path: organization.path };
        if (before === input.region) return { organization: reference, userErrors: [] };
        await repos.organizations.setWageRegion(orgId, input.region);
        await audit(repos.audit, {
          action: 'dues.wageRegionSet',
          entityType: 'Organization',
          entityId: orgId,
          before: before ? { region: before } : null,
          after: { region: input.region },
          orgPath: organization.path,
        });
        return { organization: reference, userErrors: [] };
      });
    },
  };
}

export type WageRegions = ReturnType<typeof wageRegions>;
