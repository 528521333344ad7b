import { parseId, type Identity, type Store } from '@dangvu/subgraph-kit';
import { policy, type OrganizationSubject } from '../policy.ts';
import type { Repositories } from '../repositories.ts';
import { asOf, type OrganizationAsOf } from './as-of.ts';
import type { OrganizationLoaders } from './organization.loaders.ts';
import type { OrganizationRow } from './organization.repository.ts';

/**
 * Where an organization stands in the roll-out (docs/rules/organization-tree.md#roll-out-scope): kept out by
 * itself or by the highest organization above that is kept out, and the month it goes online, its own or
 * that of the nearest organization above that has one.
 */
export interface RolloutPlace {
  inScope: boolean;
  excludedBy: OrganizationRow | null;
  /** `YYYY-MM`, or null when no month is set here or above. */
  onlineFrom: string | null;
  onlineFromSetOn: OrganizationRow | null;
}

const idsOf = (path: string) => path.split('/').filter(Boolean);

/**
 * Reading the tree, today's or as it stood on a day: an organization read `asOf` a day hands that day on
 * to its parent and children. Every read goes through the request's loaders, so a level costs one statement.
 */
export function organizationReadService(store: Store<Pick<Repositories, 'organizations'>>, loaders: OrganizationLoaders, identity: Identity) {
  /** Itself and every organization above it, root first: one batch through the loader, shared by siblings. */
  const lineOf = async (organization: OrganizationAsOf): Promise<OrganizationRow[]> => {
    const rows = await loaders.byId.loadMany(idsOf(organization.currentPath ?? organization.path));
    return rows.filter((row): row is OrganizationRow => row !== null && !(row instanceof Error));
  };

  const rolloutOf = async (organization: OrganizationAsOf): Promise<RolloutPlace> => {
    const line = await lineOf(organization);
    const excludedBy = line.find((row) => !row.inRolloutScope) ?? null;
    const onlineFromSetOn = line.findLast((row) => row.rolloutOnlineFrom !== null) ?? null;
    return { inScope: excludedBy === null, excludedBy, onlineFrom: onlineFromSetOn?.rolloutOnlineFrom?.slice(0, 7) ?? null, onlineFromSetOn };
  };

  const mayNotSee = (organization: OrganizationRow) => !policy.can(identity, 'SEE_OUT_OF_ROLLOUT', organization);

  /** An organization out of the roll-out, by itself or by one above, is answered to whoever may not see it as one that does not exist. */
  const visible = async <O extends OrganizationAsOf>(organization: O | null): Promise<O | null> => {
    if (!organization) return null;
    const { inScope } = await rolloutOf(organization);
    return inScope || !mayNotSee({ ...organization, path: organization.currentPath ?? organization.path }) ? organization : null;
  };
  const visibleAmong = async <O extends OrganizationAsOf>(organizations: O[]): Promise<O[]> =>
    (await Promise.all(organizations.map(visible))).filter((row): row is Awaited<O> => row !== null);

  const onDay = async (organization: OrganizationRow | null, day: string): Promise<OrganizationAsOf | null> => {
    if (!organization) return null;
    const version = await loaders.versionOn.load(`${organization.id}|${day}`);
    return version ? asOf(organization, version, day) : null;
  };

  return {
    /** Null for an unknown id, and for a day on which the organization did not exist. */
    async byId(id: string, day?: string | null): Promise<OrganizationAsOf | null> {
      const organization = await visible(await loaders.byId.load(parseId(id)));
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
      if (!organization.asOf) {
        const children = await loaders.children.load(organization.id);
        loaders.primeById(children);
        return visibleAmong(children);
      }
      const day = organization.asOf;
      const versions = await loaders.childVersionsOn.load(`${organization.id}|${day}`);
      const rows = await loaders.byId.loadMany(versions.map((version) => version.orgId));
      return visibleAmong(versions.map((version, index) => asOf(rows[index] as OrganizationRow, version, day)));
    },
    /** An organization above that is out of the roll-out (by itself or by one above it) is named only to whoever may see it. */
    async rolloutOf(organization: OrganizationAsOf): Promise<RolloutPlace> {
      const rollout = await rolloutOf(organization);
      const hide = (row: OrganizationRow | null) => (row && (rollout.excludedBy === null || !row.path.startsWith(rollout.excludedBy.path) || !mayNotSee(row)) ? row : null);
      return { ...rollout, excludedBy: hide(rollout.excludedBy), onlineFromSetOn: hide(rollout.onlineFromSetOn) };
    },
    /** What the viewer's abilities are decided on: the organization where it stands today. */
    subjectOf: (organization: OrganizationAsOf): OrganizationSubject => ({ path: organization.currentPath ?? organization.path }),
  };
}

export type OrganizationReadService = ReturnType<typeof organizationReadService>;
