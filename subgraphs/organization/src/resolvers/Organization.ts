import type { OrganizationContext } from '../context.ts';
import { asOf, type OrganizationAsOf } from '../organization/as-of.ts';
import type { OrganizationVersionRow } from '../organization/organization.repository.ts';

export const Organization = {
  __resolveReference: (reference: { id: string }, context: OrganizationContext) => context.loaders.byId.load(reference.id),
  async parent(organization: OrganizationAsOf, _: unknown, context: OrganizationContext) {
    if (!organization.parentId) return null;
    const parent = await context.loaders.byId.load(organization.parentId);
    if (!parent || !organization.asOf) return parent;
    const version = await context.loaders.versionOn.load(`${parent.id}|${organization.asOf}`);
    return version ? asOf(parent, version, organization.asOf) : parent;
  },
  async children(organization: OrganizationAsOf, _: unknown, context: OrganizationContext) {
    if (!organization.asOf) return context.loaders.children.load(organization.id);
    const day = organization.asOf;
    const versions = await context.loaders.childVersionsOn.load(`${organization.id}|${day}`);
    const rows = await context.loaders.byId.loadMany(versions.map((version) => version.orgId));
    return versions.map((version, index) => asOf(rows[index] as OrganizationAsOf, version, day));
  },
  history: (organization: OrganizationAsOf, _: unknown, context: OrganizationContext) => context.loaders.history.load(organization.id),
  bankAccount: (organization: OrganizationAsOf, _: unknown, context: OrganizationContext) =>
    context.loaders.bankAccount.load(organization.id),
};

export const OrganizationVersion = {
  parent: (version: OrganizationVersionRow, _: unknown, context: OrganizationContext) =>
    version.parentId ? context.loaders.byId.load(version.parentId) : null,
};
