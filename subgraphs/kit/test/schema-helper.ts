import { buildSchema, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareGenerator } from 'graphql-middleware';

/** A plain schema whose every field resolves to 'ok', wrapped in the given middleware. */
export function makeExecutableSchemaFromSdl(sdl: string, middleware: IMiddlewareGenerator<unknown, unknown, unknown>): GraphQLSchema {
  const schema = buildSchema(sdl);
  for (const field of Object.values(schema.getQueryType()!.getFields())) field.resolve = () => 'ok';
  return applyMiddleware(schema, middleware);
}
