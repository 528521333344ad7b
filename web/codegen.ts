import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the web app's operations, checked against the API schema the gateway serves: each
 * route's own `*.graphql.ts` beside it, and the fragments they share in src/lib/graphql/*.graphql.
 */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/**/*.graphql.ts', 'src/lib/graphql/*.graphql'],
  generates: {
    'src/lib/graphql/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string', Money: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
