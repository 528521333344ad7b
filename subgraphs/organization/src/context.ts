import type { RequestContext } from '@dangvu/subgraph-kit';
import type { OrganizationLoaders } from './organization/organization.loaders.ts';
import type { OrganizationRepository } from './organization/organization.repository.ts';

export interface OrganizationContext extends RequestContext {
  loaders: OrganizationLoaders;
  organizations: OrganizationRepository;
}
