import { defineMachine, grantsReach, withinSubtree, type Identity, type Role, type UserError } from '@dangvu/subgraph-kit';

/** `NONE`: the closed month not yet submitted, where a remittance starts. */
export type RemittanceState = 'NONE' | 'SUBMITTED' | 'CONFIRMED' | 'REJECTED';
export type RemittanceAction = 'SUBMIT' | 'CONFIRM' | 'REJECT';

export interface RemittanceEntity {
  state: RemittanceState;
}

/**
 * The caller's relation to a remittance (remittanceActor): `ownRoles` held on the remitting organization itself,
 * `superiorRoles` reaching its immediate superior, `inside` whether the caller holds any role in the remitting
 * organization or under it, `submitter` whether they submitted it.
 */
export interface RemittanceActor {
  ownRoles: readonly Role[];
  superiorRoles: readonly Role[];
  inside: boolean;
  submitter: boolean;
}

/** The officers who handle money for an organization (docs/rules/dues-remittance.md#submitting-the-remittance). */
export const MONEY_OFFICERS: readonly Role[] = ['FINANCE_MEMBER', 'SECRETARY', 'DEPUTY_SECRETARY'];

export function remittanceActor(identity: Identity, remitting: { orgId: string; path: string }, superiorPath: string, submittedBy: string | null): RemittanceActor {
  return {
    ownRoles: identity.grants.filter((grant) => grant.orgId === remitting.orgId).map((grant) => grant.role),
    superiorRoles: MONEY_OFFICERS.filter((role) => grantsReach(identity, superiorPath, [role])),
    inside: identity.grants.some((grant) => withinSubtree(grant.orgPath, remitting.path)),
    submitter: submittedBy !== null && submittedBy === identity.personId,
  };
}

const refused = (message: string): UserError => ({ code: 'FORBIDDEN_ACTION', field: 'id', message });

/** The superior's money officer decides, never about money their own organization sends, never on what they submitted. */
const superiorDecides = (actor: RemittanceActor) => !actor.inside && !actor.submitter && actor.superiorRoles.some((role) => MONEY_OFFICERS.includes(role));

function decisionRefusal(actor: RemittanceActor): UserError {
  if (actor.submitter) return refused('Người nộp không tự xác nhận khoản nộp của mình: một đồng chí khác của cấp trên xác nhận.');
  if (actor.inside) return refused('Đồng chí không xác nhận khoản nộp của chính tổ chức mình: việc này do cấp trên trực tiếp làm.');
  return refused('Việc xác nhận khoản nộp đảng phí do ủy viên phụ trách tài chính, bí thư hoặc phó bí thư cấp trên trực tiếp làm.');
}

const decided = (state: RemittanceState): UserError | null =>
  state === 'CONFIRMED'
    ? { code: 'ALREADY_CONFIRMED', field: 'id', message: 'Cấp trên đã xác nhận đã nhận khoản nộp này.' }
    : state === 'REJECTED'
      ? { code: 'ALREADY_REJECTED', field: 'id', message: 'Khoản nộp này đã bị từ chối: chờ tổ chức nộp lại.' }
      : null;

/** A month's remittance up the tree (docs/rules/dues-remittance.md#submitting-the-remittance); the table test walks every step. */
export const remittanceMachine = defineMachine<RemittanceState, RemittanceAction, RemittanceActor, RemittanceEntity>({
  subject: 'khoản nộp đảng phí',
  states: { NONE: 'chưa nộp', SUBMITTED: 'đang chờ cấp trên xác nhận', CONFIRMED: 'đã được cấp trên xác nhận', REJECTED: 'đã bị cấp trên từ chối' },
  stateOf: (entity) => entity.state,
  field: 'id',
  actions: {
    SUBMIT: {
      label: 'nộp đảng phí lên cấp trên',
      from: ['NONE', 'REJECTED'],
      to: 'SUBMITTED',
      allowed: (actor) => actor.ownRoles.some((role) => MONEY_OFFICERS.includes(role)),
      field: 'organizationId',
      refusal: (reason, state) =>
        reason === 'FORBIDDEN_ACTION'
          ? { ...refused('Khoản nộp lên cấp trên do ủy viên phụ trách tài chính, bí thư hoặc phó bí thư của chính tổ chức nộp.'), field: 'organizationId' }
          : state === 'SUBMITTED'
            ? { code: 'ALREADY_SUBMITTED', field: 'month', message: 'Khoản nộp của tháng này đã gửi, đang chờ cấp trên xác nhận.' }
            : { code: 'ALREADY_CONFIRMED', field: 'month', message: 'Cấp trên đã xác nhận khoản nộp của tháng này.' },
    },
    CONFIRM: {
      label: 'xác nhận đã nhận khoản nộp',
      from: ['SUBMITTED'],
      to: 'CONFIRMED',
      allowed: superiorDecides,
      refusal: (reason, state, actor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : decided(state)),
    },
    REJECT: {
      label: 'từ chối khoản nộp',
      from: ['SUBMITTED'],
      to: 'REJECTED',
      allowed: superiorDecides,
      refusal: (reason, state, actor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : decided(state)),
    },
  },
});
