import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { appError } from './errors.ts';

/**
 * Every text a client sends, in Unicode's composed form (NFC): "Nguyễn" typed on a keyboard that composes and
 * on one that sends "e", a circumflex and a tilde apart (NFD) is one name, stored, compared and searched alike
 * (docs/rules/data-quality.md#names-in-one-unicode-form). Scalars read into other values (Money's bigint, a
 * DateTime's Date) are left as they are.
 */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map(toNfc) as T;
  if (value !== null && typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    // GraphQL reads input objects into prototype-less objects; anything else is a scalar's own value.
    if (prototype !== null && prototype !== Object.prototype) return value;
    const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
    for (const [key, item] of Object.entries(value)) copy[key] = toNfc(item);
    return copy as T;
  }
  return value;
}

/** A NUL character anywhere in the arguments' text: PostgreSQL's text cannot hold one, and no field means one. */
const holdsNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\u0000') : value !== null && typeof value === 'object' && Object.values(value).some(holdsNul);

/**
 * Wraps the resolvers of the schema's Query and Mutation fields (federation's aside) so that they receive
 * their text arguments in NFC, written in the request or sent as variables, and refuse text holding NUL
 * with BAD_USER_INPUT before anything is read or written (found by the gateway's mutation-inputs property test).
 */
export function readTextArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      // Federation's own fields carry the planner's keys, not a client's text.
      if (field.args.length === 0 || field.name.startsWith('_')) continue;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        if (holdsNul(args)) throw appError('BAD_USER_INPUT', 'Văn bản gửi lên có ký tự NUL (mã 0), là ký tự không thể lưu: đồng chí nhập lại.');
        return resolve(source, toNfc(args), context, info);
      };
    }
  }
  return schema;
}
