import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { defaultSubgraphUrl, SUBGRAPHS, subgraphSdl } from './subgraphs.ts';

export const supergraphPath = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));
export const apiSchemaPath = fileURLToPath(new URL('../api.graphql', import.meta.url));

export interface Composition {
  supergraph: string;
  /** The schema clients see: the supergraph without federation's machinery and @inaccessible fields. */
  apiSchema: string;
}

export function compose(sdl: (name: (typeof SUBGRAPHS)[number]['name']) => string = subgraphSdl): Composition {
  const result = composeServices(
    SUBGRAPHS.map(({ name, defaultPort }) => ({ name, url: defaultSubgraphUrl(defaultPort), typeDefs: parse(sdl(name)) })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`);
  }
  return {
    supergraph: result.supergraphSdl,
    apiSchema: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
  };
}

export const readSupergraph = () => readFileSync(supergraphPath, 'utf8');
