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
        contextType: '../context.ts#DuesContext',
        scalars: { Money: 'bigint' },
        mappers: {
          Member: '../policy.ts#MemberReference',
          DuesStanding: '../standing/standing.rules.ts#DuesStanding as DuesStandingModel',
        },
      },
    },
  },
  silent: true,
};

export default config;
