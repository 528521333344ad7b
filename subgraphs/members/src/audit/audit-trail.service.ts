import type { RequestContext } from '@dangvu/subgraph-kit';
import type { MembersStore } from '../repositories.ts';

/** Those who may read an organization's audit trail: its secretary, deputy and administrator, from above too. */
const TRAIL_READERS = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];

/** The audit trail of one record, limited to the subtrees the caller reads trails in and to their own record. */
export function auditTrailService(store: MembersStore, { identity }: RequestContext) {
  return {
    trail(entityId: string) {
      const paths = identity.grants.filter((grant) => TRAIL_READERS.includes(grant.role)).map((grant) => grant.orgPath);
      return store.repos.auditTrail.trail(entityId, [...new Set(paths)], identity.personId);
    },
  };
}

export type AuditTrailService = ReturnType<typeof auditTrailService>;
