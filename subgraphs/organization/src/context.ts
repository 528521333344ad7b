import type { RequestContext } from '@dangvu/subgraph-kit';
import type { BankAccountService } from './bank-account/bank-account.service.ts';
import type { OrganizationLoaders } from './organization/organization.loaders.ts';
import type { OrganizationRepository } from './organization/organization.repository.ts';
import type { OrganizationService } from './organization/organization.service.ts';

export interface OrganizationContext extends RequestContext {
  loaders: OrganizationLoaders;
  organizations: OrganizationRepository;
  tree: OrganizationService;
  bankAccounts: BankAccountService;
}
