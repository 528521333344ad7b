import { readFileSync } from 'node:fs';
import type { DbHandle } from '@dangvu/drizzle';
import type { SubgraphDefinition } from '@dangvu/subgraph-kit';
import { parse } from 'graphql';
import type { OrganizationContext } from './context.ts';
import { organizationLoaders } from './organization/organization.loaders.ts';
import { organizationRepository } from './organization/organization.repository.ts';
import { rules } from './permissions.ts';
import { Organization } from './resolvers/Organization.ts';
import { Query } from './resolvers/Query.ts';

export const typeDefs = parse(readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'));

export function organizationSubgraph({ db }: DbHandle): SubgraphDefinition<OrganizationContext> {
  return {
    name: 'organization',
    typeDefs,
    resolvers: { Query, Organization } as SubgraphDefinition<OrganizationContext>['resolvers'],
    rules,
    context: (base) => {
      const organizations = organizationRepository(db);
      return { ...base, organizations, loaders: organizationLoaders(organizations) };
    },
  };
}
