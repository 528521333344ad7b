import { allow, deny, or, rule, shield, type IRules } from 'graphql-shield';
import type { RequestContext } from './context.ts';
import { forbidden } from './errors.ts';
import { hasRoleOver as grantsReach, type Role } from './identity.ts';

/**
 * The rule vocabulary every subgraph builds its permissions from. Rules that only look at the caller are
 * cached per request; rules that look at the parent object are cached per field.
 */
type Resolve<T> = (parent: unknown, args: Record<string, unknown>, context: RequestContext) => T | Promise<T>;

export const isAuthenticated = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) => context.identity.personId !== null || context.identity.partner !== null,
);

export const isPerson = rule({ cache: 'contextual' })(
  (_parent, _args, context: RequestContext) => context.identity.personId !== null,
);

/** The caller is the member whose id `memberIdOf` returns. */
export const isSelf = (memberIdOf: Resolve<string | null | undefined>) =>
  rule({ cache: 'strict' })(async (parent, args, context: RequestContext) => {
    const memberId = await memberIdOf(parent, args, context);
    return memberId != null && memberId === context.identity.personId;
  });

/** The caller holds one of `roles` on an organization whose subtree contains the one `orgPathOf` returns. */
export const hasRoleOver = (orgPathOf: Resolve<string | null | undefined>, roles: readonly Role[]) =>
  rule({ cache: 'strict' })(async (parent, args, context: RequestContext) => {
    const orgPath = await orgPathOf(parent, args, context);
    return orgPath != null && grantsReach(context.identity, orgPath, roles);
  });

/**
 * For a member, as a row or as the reference other subgraphs receive (`id` and, through @requires, `orgPath`):
 * the member themself, or one of `roles` over the member's organization.
 */
export const isSelfOrRoleOverMember = (roles: readonly Role[]) =>
  or(
    isSelf((member) => (member as { id: string }).id),
    hasRoleOver((member) => (member as { orgPath?: string }).orgPath, roles),
  );

/** The caller holds one of `roles` somewhere; the service then checks where. */
export const hasAnyRole = (roles: readonly Role[]) =>
  rule({ cache: 'contextual' })((_parent, _args, context: RequestContext) =>
    context.identity.grants.some((grant) => roles.includes(grant.role)),
  );

export const isPartner = (scope: string) =>
  rule({ cache: 'contextual' })((_parent, _args, context: RequestContext) =>
    Boolean(context.identity.partner?.scopes.includes(scope)),
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
    { fallbackRule: deny, fallbackError: forbidden, allowExternalErrors: true },
  );
}
