import type { OrganizationContext } from '../context.ts';
import type { CreateOrganizationInput } from '../organization/organization.service.ts';

type Input<T> = { input: T };

export const Mutation = {
  createOrganization: (_: unknown, { input }: Input<CreateOrganizationInput>, context: OrganizationContext) =>
    context.tree.create(input),
  renameOrganization: (_: unknown, { input }: Input<{ id: string; name: string; effectiveOn?: string | null }>, context: OrganizationContext) =>
    context.tree.rename(input),
  moveOrganization: (
    _: unknown,
    { input }: Input<{ id: string; newParentId: string; effectiveOn?: string | null }>,
    context: OrganizationContext,
  ) => context.tree.move(input),
  setRolloutScope: (_: unknown, { input }: Input<{ id: string; inRolloutScope: boolean }>, context: OrganizationContext) =>
    context.tree.setRolloutScope(input),
  dissolveOrganization: (_: unknown, { input }: Input<{ id: string }>, context: OrganizationContext) => context.tree.dissolve(input),
  setBankAccount: (
    _: unknown,
    { input }: Input<{ organizationId: string; bankBin: string; accountNumber: string; holderName: string }>,
    context: OrganizationContext,
  ) => context.bankAccounts.set(input),
};
