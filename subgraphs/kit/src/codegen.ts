import type { CodegenConfig } from '@graphql-codegen/cli';

interface SubgraphCodegen {
  /** The context type, as `'../context.ts#MembersContext'` (paths from src/generated/). */
  context: string;
  /** GraphQL type → the TypeScript type its resolvers receive as parent, usually a repository's row. */
  mappers: Record<string, string>;
  /** Custom scalars → their TypeScript types. */
  scalars?: Record<string, string>;
}

/**
 * The one GraphQL Code Generator set-up of every subgraph: resolver signatures from its SDL, in federation
 * mode, written to src/generated/resolvers.ts (git-ignored; `npm run codegen`, and typecheck runs it first).
 */
export function subgraphCodegen({ context, mappers, scalars = {} }: SubgraphCodegen): CodegenConfig {
  return {
    schema: 'src/schema.graphql',
    generates: {
      'src/generated/resolvers.ts': {
        plugins: ['typescript', 'typescript-resolvers'],
        config: { federation: true, useTypeImports: true, enumsAsTypes: true, contextType: context, scalars, mappers },
      },
    },
    silent: true,
  };
}
