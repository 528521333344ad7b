import { DateScalar, parseId } from '@dangvu/subgraph-kit';
import { BANKS } from '../bank-account/banks.ts';
import type { OrganizationContext } from '../context.ts';
import { asOf } from '../organization/as-of.ts';

export const Query = {
  async organization(_: unknown, args: { id: string; asOf?: string | null }, context: OrganizationContext) {
    const id = parseId(args.id);
    const organization = await context.loaders.byId.load(id);
    if (!organization || !args.asOf) return organization;
    const day = DateScalar.parseValue(args.asOf);
    const version = await context.loaders.versionOn.load(`${id}|${day}`);
    return version ? asOf(organization, version, day) : null;
  },
  organizationRoots: (_: unknown, _args: unknown, context: OrganizationContext) => context.organizations.roots(),
  banks: () => BANKS,
};
