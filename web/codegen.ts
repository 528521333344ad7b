import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the web app's operations, checked against the API schema the gateway serves. */
const config: CodegenConfig = {
  schema: '../schema/api.graphql',
  documents: ['src/lib/graphql/operations.ts'],
  generates: {
    'src/lib/graphql/generated/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
  silent: true,
};

export default config;
