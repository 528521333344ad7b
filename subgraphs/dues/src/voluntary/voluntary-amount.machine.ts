import { defineMachine, grantsReach, withinSubtree, type Identity, type Role, type UserError } from '@dangvu/subgraph-kit';

/** `NONE`: no proposal yet, where one starts. */
export type VoluntaryState = 'NONE' | 'PROPOSED' | 'APPROVED' | 'REJECTED';
export type VoluntaryAction = 'PROPOSE' | 'APPROVE' | 'REJECT';

/**
 * The caller's relation to a proposal (voluntaryActor): `cellRoles` reach the member's organization,
 * `superiorRoles` its immediate superior, `inside` the caller holds a role in the member's organization or under
 * it, `self` it is the caller's own dues, `proposer` they proposed it.
 */
export interface VoluntaryActor {
  cellRoles: readonly Role[];
  superiorRoles: readonly Role[];
  inside: boolean;
  self: boolean;
  proposer: boolean;
}

const OFFICERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY'];

export function voluntaryActor(identity: Identity, member: { memberId: string; orgPath: string }, superiorPath: string | null, proposedBy: string | null): VoluntaryActor {
  return {
    cellRoles: OFFICERS.filter((role) => grantsReach(identity, member.orgPath, [role])),
    superiorRoles: superiorPath ? OFFICERS.filter((role) => grantsReach(identity, superiorPath, [role])) : [],
    inside: identity.grants.some((grant) => withinSubtree(grant.orgPath, member.orgPath)),
    self: member.memberId === identity.personId,
    proposer: proposedBy !== null && proposedBy === identity.personId,
  };
}

const refused = (message: string): UserError => ({ code: 'FORBIDDEN_ACTION', field: 'id', message });

/** The superior decides: its secretary or deputy, not an officer of the member's own cell, never on their own dues or proposal. */
const superiorDecides = (actor: VoluntaryActor) => !actor.self && !actor.proposer && !actor.inside && actor.superiorRoles.length > 0;

function decisionRefusal(actor: VoluntaryActor): UserError {
  if (actor.self) return refused('Đồng chí không tự quyết định mức đảng phí của chính mình.');
  if (actor.proposer) return refused('Người lập đề nghị không tự duyệt đề nghị của mình.');
  if (actor.inside) return refused('Chi bộ đề nghị, cấp trên trực tiếp quyết định: đồng chí không duyệt đề nghị của chính tổ chức mình.');
  return refused('Mức đóng tự nguyện cao hơn do bí thư hoặc phó bí thư cấp trên trực tiếp của chi bộ quyết định.');
}

const decided: UserError = { code: 'ALREADY_DECIDED', field: 'id', message: 'Đề nghị này đã được cấp trên quyết định.' };

/** A voluntary higher amount: the cell proposes, the superior decides (docs/rules/dues-obligations.md#voluntary-higher-amounts). */
export const voluntaryMachine = defineMachine<VoluntaryState, VoluntaryAction, VoluntaryActor, { state: VoluntaryState }>({
  subject: 'đề nghị đóng đảng phí cao hơn mức quy định',
  states: { NONE: 'chưa có', PROPOSED: 'đang chờ cấp trên quyết định', APPROVED: 'đã được duyệt', REJECTED: 'không được duyệt' },
  stateOf: (entity) => entity.state,
  field: 'id',
  actions: {
    PROPOSE: {
      label: 'đề nghị mức đóng tự nguyện',
      from: ['NONE'],
      to: 'PROPOSED',
      allowed: (actor) => actor.cellRoles.length > 0 && !actor.self,
      field: 'memberId',
      refusal: (reason, _state, actor) =>
        reason === 'FORBIDDEN_ACTION'
          ? {
              ...refused(actor.self ? 'Đề nghị về đảng phí của chính đồng chí do một đồng chí khác trong chi ủy lập.' : 'Đề nghị do bí thư hoặc phó bí thư của chi bộ lập.'),
              field: 'memberId',
            }
          : null,
    },
    APPROVE: { label: 'duyệt mức đóng tự nguyện', from: ['PROPOSED'], to: 'APPROVED', allowed: superiorDecides, refusal: (reason, state, actor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : state === 'NONE' ? null : decided) },
    REJECT: { label: 'không duyệt mức đóng tự nguyện', from: ['PROPOSED'], to: 'REJECTED', allowed: superiorDecides, refusal: (reason, state, actor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : state === 'NONE' ? null : decided) },
  },
});
