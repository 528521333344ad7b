import type { OrganizationContext } from '../context.ts';
import type { OrganizationRow } from '../organization/organization.repository.ts';

export const Organization = {
  __resolveReference: (reference: { id: string }, context: OrganizationContext) => context.loaders.byId.load(reference.id),
  parent: (organization: OrganizationRow, _: unknown, context: OrganizationContext) =>
    organization.parentId ? context.loaders.byId.load(organization.parentId) : null,
  children: (organization: OrganizationRow, _: unknown, context: OrganizationContext) =>
    context.loaders.children.load(organization.id),
};
