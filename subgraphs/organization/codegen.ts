import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver signatures from this subgraph's SDL, with the parent types the repositories return (mappers). */
const config: CodegenConfig = {
  schema: 'src/schema.graphql',
  generates: {
    'src/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../context.ts#OrganizationContext',
        scalars: { Date: 'string' },
        mappers: {
          Organization: '../organization/as-of.ts#OrganizationAsOf',
          OrganizationVersion: '../organization/organization.repository.ts#OrganizationVersionRow',
          OrganizationViewerCan: '../policy.ts#OrganizationSubject',
          BankAccount: '../bank-account/bank-account.repository.ts#BankAccountRow',
        },
      },
    },
  },
  silent: true,
};

export default config;
