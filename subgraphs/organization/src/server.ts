import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import { DateScalar, type SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import { bankAccountService } from './bank-account/bank-account.service.ts';
import type { OrganizationContext } from './context.ts';
import { organizationLoaders } from './organization/organization.loaders.ts';
import { organizationRepository } from './organization/organization.repository.ts';
import { organizationService } from './organization/organization.service.ts';
import { rules } from './permissions.ts';
import { BankAccount } from './resolvers/BankAccount.ts';
import { Mutation } from './resolvers/Mutation.ts';
import { Organization, OrganizationVersion } from './resolvers/Organization.ts';
import { Query } from './resolvers/Query.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function organizationSubgraph({ db }: DbHandle): SubgraphDefinition<OrganizationContext> {
  return {
    name: 'organization',
    typeDefs,
    resolvers: {
      Query,
      Mutation,
      Organization,
      OrganizationVersion,
      BankAccount,
      Date: DateScalar,
    } as SubgraphDefinition<OrganizationContext>['resolvers'],
    rules,
    context: (base) => {
      const organizations = organizationRepository(db);
      return {
        ...base,
        organizations,
        loaders: organizationLoaders(organizations),
        tree: organizationService(db, base),
        bankAccounts: bankAccountService(db, base),
      };
    },
  };
}
