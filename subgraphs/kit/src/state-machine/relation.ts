import type { Role } from '../identity.ts';

/**
 * The caller's relation to an entity, worked out by the subgraph's policy (reach over the entity's
 * organization, whether it is the caller's own): the base a machine's actor extends with what its rules
 * need, so that the machine itself never reads the identity or the database.
 */
export interface Relation<R extends string = Role> {
  /** The entity is the caller's own: their account, their dossier. */
  self: boolean;
  /** The roles the caller holds with reach over the entity (a grant on its organization or one above). */
  rolesOver: readonly R[];
}

export function holdsAny<R extends string>(relation: Relation<R>, roles: readonly R[]): boolean {
  return relation.rolesOver.some((role) => roles.includes(role));
}
