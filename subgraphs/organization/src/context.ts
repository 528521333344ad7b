import type { RequestContext } from '@dangvu/subgraph-kit';
import type { BankAccountService } from './bank-account/bank-account.service.ts';
import type { OrganizationLoaders } from './organization/organization.loaders.ts';
import type { OrganizationReadService } from './organization/organization-read.service.ts';
import type { OrganizationService } from './organization/organization.service.ts';

export interface OrganizationContext extends RequestContext {
  loaders: OrganizationLoaders;
  reads: OrganizationReadService;
  tree: OrganizationService;
  bankAccounts: BankAccountService;
}
