import { defineMachine, type Role, type UserError } from '@dangvu/subgraph-kit';

/** `NONE`: no proposal yet, where one starts. */
export type IdentityEditState = 'NONE' | 'PROPOSED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN';
export type IdentityEditAction = 'PROPOSE' | 'APPROVE' | 'REJECT' | 'WITHDRAW';

export interface IdentityEditEntity {
  state: IdentityEditState;
}

/**
 * The caller's relation to the member and the proposal, worked out by the members policy (identityEditActor):
 * `rolesOver` reach the member's organization, `keeperRoles` the grassroots organization that keeps the dossier,
 * `coveringRoles` cover every role the member holds, `proposer` made the proposal.
 */
export interface IdentityEditActor {
  self: boolean;
  rolesOver: readonly Role[];
  keeperRoles: readonly Role[];
  coveringRoles: readonly Role[];
  proposer: boolean;
}

const PROPOSERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY', 'ADMIN'];
const DECIDERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY'];

/** An officer over the member's organization proposes; about themself too (their own record may be wrong). */
const mayPropose = (actor: IdentityEditActor) => actor.rolesOver.some((role) => PROPOSERS.includes(role));
/**
 * The grassroots committee decides: its secretary or deputy (or one above it), never about themself, never on their
 * own proposal, and only about a member whose roles they cover (a deputy does not approve about their secretary).
 */
export const keeperDecides = (actor: IdentityEditActor) =>
  !actor.self && !actor.proposer && actor.keeperRoles.some((role) => DECIDERS.includes(role)) && actor.coveringRoles.some((role) => DECIDERS.includes(role));

const refused = (message: string): UserError => ({ code: 'FORBIDDEN_ACTION', field: 'id', message });

/** Why the caller may not take the grassroots committee's decision about this member. */
export function decisionRefusal(actor: IdentityEditActor, what = 'Việc sửa thông tin lý lịch'): UserError {
  if (actor.self) return refused('Đồng chí không thể tự quyết định việc của chính mình.');
  if (actor.proposer) return refused('Người đề nghị không tự duyệt đề nghị của mình: một đồng chí khác trong cấp ủy quản lý hồ sơ duyệt.');
  if (actor.keeperRoles.some((role) => DECIDERS.includes(role))) {
    return refused('Đảng viên này giữ chức vụ ngang hoặc cao hơn quyền của đồng chí, nên việc này do cấp ủy cấp trên quyết định.');
  }
  return refused(`${what} do bí thư hoặc phó bí thư cấp ủy cơ sở quản lý hồ sơ đảng viên quyết định.`);
}

/** The proposal's few steps (docs/rules/member-register.md#identity-edits); the machine's table test walks them all. */
export const identityEditMachine = defineMachine<IdentityEditState, IdentityEditAction, IdentityEditActor, IdentityEditEntity>({
  subject: 'đề nghị sửa thông tin lý lịch',
  states: { NONE: 'chưa có', PROPOSED: 'đang chờ duyệt', APPROVED: 'đã được duyệt', REJECTED: 'không được duyệt', WITHDRAWN: 'đã rút lại' },
  stateOf: (entity) => entity.state,
  field: 'id',
  actions: {
    PROPOSE: {
      label: 'đề nghị sửa thông tin lý lịch',
      from: ['NONE'],
      to: 'PROPOSED',
      allowed: mayPropose,
      refusal: (reason) => (reason === 'FORBIDDEN_ACTION' ? refused('Đề nghị sửa lý lịch do bí thư, phó bí thư hoặc quản trị viên phụ trách tổ chức của đảng viên lập.') : null),
    },
    APPROVE: { label: 'duyệt đề nghị', from: ['PROPOSED'], to: 'APPROVED', allowed: keeperDecides, refusal: (reason, _s, actor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : null) },
    REJECT: { label: 'không duyệt đề nghị', from: ['PROPOSED'], to: 'REJECTED', allowed: keeperDecides, refusal: (reason, _s, actor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : null) },
    WITHDRAW: {
      label: 'rút đề nghị',
      from: ['PROPOSED'],
      to: 'WITHDRAWN',
      allowed: (actor) => actor.proposer,
      refusal: (reason) => (reason === 'FORBIDDEN_ACTION' ? refused('Chỉ người lập đề nghị được rút đề nghị.') : null),
    },
  },
});
