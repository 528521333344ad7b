import type { MembersContext } from '../context.ts';
import { memberStatistics } from '../member/member-statistics.ts';

type OrganizationReference = { id: string; path?: string };

export const Organization = {
  __resolveReference: (reference: OrganizationReference) => reference,
  members: (organization: OrganizationReference, _: unknown, context: MembersContext) =>
    context.loaders.byOrganization.load(organization.id),
  officers: (organization: OrganizationReference, _: unknown, context: MembersContext) =>
    context.loaders.officers.load(organization.id),
  pendingContactChanges: async (organization: OrganizationReference, _: unknown, context: MembersContext) =>
    (await context.loaders.pendingContactChanges.load(organization.id)).map((row) => row.request),
  secondFactorRequired: async (organization: OrganizationReference, _: unknown, context: MembersContext) =>
    (await context.loaders.totpRequirement.load(organization.id)) !== null,
  memberStatistics: async (organization: OrganizationReference, _: unknown, context: MembersContext) =>
    memberStatistics(await context.loaders.countsUnder.load(organization.path!)),
};
