import { allow, deny, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

/** graphql-shield's maps of rules by type and by field (its typings name only the whole tree, IRules). */
type RuleMap = { [key: string]: IRules };

/**
 * The rules about the caller alone, cached per request; everything about a subject is an ability of the
 * subgraph's policy (policy.ts), whose rules are cached per field.
 */
export const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) => context.identity.personId !== null || context.identity.partner !== null,
);

export const isPerson = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) => context.identity.personId !== null,
);

/**
 * The rule tree the shield applies: the subgraph's rules, default deny. Every subgraph call has already
 * passed the gateway-signature check in the HTTP layer, so the federation entry points are open to whoever
 * reached execution.
 */
export function ruleTree(rules: IRules): RuleMap {
  const federation = { _service: allow, _entities: allow };
  const query = (rules as RuleMap).Query ?? {};
  return { ...(rules as RuleMap), Query: { ...(query as RuleMap), ...federation }, _Service: allow };
}

// A rule is an instance of one of graphql-shield's classes; a type's map of field rules is a plain object.
const isFieldMap = (rules: unknown): rules is RuleMap =>
  typeof rules === 'object' && Object.getPrototypeOf(rules) === Object.prototype;

/** The rule the shield applies to `type.field`, read as graphql-shield reads the tree: the field's, the type's '*', the type's own, else deny. */
export function ruleOf(tree: RuleMap, type: string, field: string): IRules {
  const forType = tree[type];
  if (!isFieldMap(forType)) return forType ?? deny;
  return forType[field] ?? forType['*'] ?? deny;
}

const objectIds = new WeakMap<object, number>();
let lastObjectId = 0;
const idOf = (value: object) => {
  let id = objectIds.get(value);
  if (id === undefined) objectIds.set(value, (id = ++lastObjectId));
  return id;
};

/**
 * The key under which a `strict` rule's answer is kept for the rest of the request: the very parent object,
 * and the very arguments object unless there are none. graphql-shield's default serialises the parent and
 * the arguments with object-hash and SHA-1s them (24 µs for a three-field parent, each time the members
 * subgraph's officers rule runs, on every home page: docs/benchmarks.md). One object is a finer key than equal content, so no
 * answer is reused where the default would not reuse it; arguments are a new object per field resolved, so
 * a field with arguments reuses only its own answer.
 */
export function strictRuleKey({ parent, args }: { parent: unknown; args: Record<string, unknown> }): string {
  const of = typeof parent === 'object' && parent !== null ? `#${idOf(parent)}` : `=${typeof parent}:${String(parent)}`;
  return Object.keys(args).length === 0 ? of : `${of}/#${idOf(args)}`;
}

export function permissions(rules: IRules) {
  return shield(
    ruleTree(rules) as IRules,
    // A caller who has not signed in is told so, not that they are forbidden: partners branch on the code.
    {
      hashFunction: strictRuleKey,
      fallbackRule: deny,
      fallbackError: (_thrown, _parent, _args, context) => {
        const { identity } = context as unknown as RequestContext;
        return identity.personId === null && identity.partner === null ? unauthenticated() : forbidden();
      },
      allowExternalErrors: true,
    },
  );
}
