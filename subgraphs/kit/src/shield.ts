import { allow, deny, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

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
 * Default deny. Every subgraph call has already passed the gateway-signature check in the HTTP layer,
 * so the federation entry points are open to whoever reached execution.
 */
export function permissions(rules: IRules) {
  const federation = { _service: allow, _entities: allow };
  const query = (rules as Record<string, IRules>).Query ?? {};
  return shield(
    { ...rules, Query: { ...(query as object), ...federation }, _Service: allow },
    // A caller who has not signed in is told so, not that they are forbidden: partners branch on the code.
    {
      fallbackRule: deny,
      fallbackError: (_thrown, _parent, _args, context) => {
        const { identity } = context as unknown as RequestContext;
        return identity.personId === null && identity.partner === null ? unauthenticated() : forbidden();
      },
      allowExternalErrors: true,
    },
  );
}
