import { GraphQLScalarType } from 'graphql';

/** The record before or after a change, as it was stored. */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Anything, as JSON.',
  serialize: (value) => value,
});
