import { parseId, type Identity, type Store } from '@dangvu/subgraph-kit';
import { policy, type OrganizationSubject } from '../policy.ts';
import type { Repositories } from '../repositories.ts';
import { asOf, type OrganizationAsOf } from './as-of.ts';
import type { OrganizationLoaders } from './organization.loaders.ts';
import type { OrganizationRow } from './organization.repository.ts';

/**
 * Reading the tree, today's or as it stood on a day: an organization read `asOf` a day hands that day on
 * to its parent and children. Every read goes through the request's loaders, so a level costs one statement.
 */
export function organizationReadService(store: Store<Pick<Repositories, 'organizations'>>, loaders: OrganizationLoaders, identity: Identity) {
  /** An organization out of the roll-out is answered, to whoever may not see it, as one that does not exist. */
  const visible = <O extends OrganizationRow>(organization: O | null): O | null =>
    organization && (organization.inRolloutScope || policy.can(identity, 'SEE_OUT_OF_ROLLOUT', organization)) ? organization : null;

  const onDay = async (organization: OrganizationRow | null, day: string): Promise<OrganizationAsOf | null> => {
    if (!organization) return null;
    const version = await loaders.versionOn.load(`${organization.id}|${day}`);
    return version ? asOf(organization, version, day) : null;
  };

  return {
    /** Null for an unknown id, and for a day on which the organization did not exist. */
    async byId(id: string, day?: string | null): Promise<OrganizationAsOf | null> {
      const organization = visible(await loaders.byId.load(parseId(id)));
      return day ? onDay(organization, day) : organization;
    },
    roots: (): Promise<OrganizationRow[]> => store.repos.organizations.roots(),
    async parentOf(organization: OrganizationAsOf): Promise<OrganizationAsOf | null> {
      if (!organization.parentId) return null;
      const parent = await loaders.byId.load(organization.parentId);
      if (!organization.asOf) return parent;
      return (await onDay(parent, organization.asOf)) ?? parent;
    },
    async childrenOf(organization: OrganizationAsOf): Promise<OrganizationAsOf[]> {
      if (!organization.asOf) return (await loaders.children.load(organization.id)).filter((child) => visible(child));
      const day = organization.asOf;
      const versions = await loaders.childVersionsOn.load(`${organization.id}|${day}`);
      const rows = await loaders.byId.loadMany(versions.map((version) => version.orgId));
      return versions.map((version, index) => asOf(rows[index] as OrganizationRow, version, day)).filter((child) => visible(child));
    },
    /** What the viewer's abilities are decided on: the organization where it stands today. */
    subjectOf: (organization: OrganizationAsOf): OrganizationSubject => ({ path: organization.currentPath ?? organization.path }),
  };
}

export type OrganizationReadService = ReturnType<typeof organizationReadService>;
