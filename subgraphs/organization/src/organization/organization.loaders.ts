import { groupLoader, rowLoader } from '@dangvu/subgraph-kit';
import type { OrganizationRepository, OrganizationRow } from './organization.repository.ts';

export function organizationLoaders(repository: OrganizationRepository) {
  return {
    byId: rowLoader(repository.byIds, (row: OrganizationRow) => row.id),
    children: groupLoader(repository.childrenOf, (row: OrganizationRow) => row.parentId!),
  };
}

export type OrganizationLoaders = ReturnType<typeof organizationLoaders>;
