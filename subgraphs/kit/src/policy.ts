import { rule } from 'graphql-shield';
import type { RequestContext } from './context.ts';
import { forbidden } from './errors.ts';
import { hasRoleOver, type Identity, type Role } from './identity.ts';

/**
 * One ability of a subgraph's policy, stated once: the shield rule, the service's check and the SDL's
 * `viewerCan` all read it. It is granted by any of `roles` reaching the subject's organization (`over`),
 * or to the subject member themself (`self`), or to a partner with `partnerScope`; and then only `when`
 * the further condition on the data holds.
 */
export interface Ability<S> {
  roles?: readonly Role[];
  /** The organization path the roles must reach (the subject's own, or its parent's for decisions from above). */
  over?: (subject: S) => string | null | undefined;
  /** The subject's member id: the member may do it themself. */
  self?: (subject: S) => string | null | undefined;
  partnerScope?: string;
  when?: (identity: Identity, subject: S) => boolean;
}

type SubjectOf<A> = A extends Ability<infer S> ? S : never;

export interface Policy<M extends Record<string, Ability<never>>> {
  /** Whether `identity` has ability `name` on `subject`. */
  can<N extends keyof M>(identity: Identity, name: N, subject: SubjectOf<M[N]>): boolean;
  /** The service's check: FORBIDDEN unless `can`. */
  assert<N extends keyof M>(identity: Identity, name: N, subject: SubjectOf<M[N]>): void;
  /**
   * Whether `identity` could have ability `name` on some subject: the shield's gate for a mutation whose
   * subject only the service loads (the service then asserts on the real subject).
   */
  mayTry(identity: Identity, name: keyof M): boolean;
  /** A shield rule: exact on the parent object when `subjectOf` is given, else the `mayTry` gate. */
  rule<N extends keyof M>(name: N, subjectOf?: (parent: unknown, args: Record<string, unknown>) => SubjectOf<M[N]>): ReturnType<ReturnType<typeof rule>>;
}

export function definePolicy<M extends Record<string, Ability<never>>>(abilities: M): Policy<M> {
  const ability = (name: keyof M) => abilities[name] as unknown as Ability<unknown>;

  const can = (identity: Identity, name: keyof M, subject: unknown): boolean => {
    const a = ability(name);
    const path = a.over?.(subject);
    const byRole = a.roles !== undefined && (a.over ? path != null && hasRoleOver(identity, path, a.roles) : identity.grants.some((g) => a.roles!.includes(g.role)));
    const selfId = a.self?.(subject);
    const bySelf = selfId != null && selfId === identity.personId;
    const byScope = a.partnerScope !== undefined && Boolean(identity.partner?.scopes.includes(a.partnerScope));
    return (byRole || bySelf || byScope) && (a.when?.(identity, subject as never) ?? true);
  };

  const mayTry = (identity: Identity, name: keyof M): boolean => {
    const a = ability(name);
    return (
      (a.roles !== undefined && identity.grants.some((grant) => a.roles!.includes(grant.role))) ||
      (a.self !== undefined && identity.personId !== null) ||
      (a.partnerScope !== undefined && Boolean(identity.partner?.scopes.includes(a.partnerScope)))
    );
  };

  return {
    can: can as Policy<M>['can'],
    assert(identity, name, subject) {
      if (!can(identity, name, subject)) throw forbidden();
    },
    mayTry,
    rule(name, subjectOf) {
      // Uncached on the subject: `can` is a few comparisons, while shield's strict cache hashes the whole parent
      // row with object-hash for every field it guards (half the members subgraph's CPU on a cell's list).
      return subjectOf
        ? rule({ cache: 'no_cache' })((parent, args, context: RequestContext) => can(context.identity, name, subjectOf(parent, args)))
        : rule({ cache: 'contextual' })((_parent, _args, context: RequestContext) => mayTry(context.identity, name));
    },
  };
}

/**
 * Resolvers for a `viewerCan` type: each field answers one ability of the policy on the parent subject,
 * so the web shows only what the viewer may do, decided by the same rule the service applies.
 */
export function viewerCanResolvers<M extends Record<string, Ability<never>>, Fields extends Record<string, keyof M>>(
  policy: Policy<M>,
  fields: Fields,
): { [F in keyof Fields]: (subject: SubjectOf<M[Fields[F]]>, args: unknown, context: RequestContext) => boolean } {
  return Object.fromEntries(
    Object.entries(fields).map(([field, name]) => [
      field,
      (subject: never, _args: unknown, context: RequestContext) => policy.can(context.identity, name, subject),
    ]),
  ) as never;
}
