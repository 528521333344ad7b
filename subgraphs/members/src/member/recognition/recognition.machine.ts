import { defineMachine, type Role, type UserError } from '@dangvu/subgraph-kit';
import { keeperDecides, type IdentityEditActor } from '../identity-edit/identity-edit.machine.ts';

/** `NONE`: no proposal alive (none yet, or the last one rejected), where the cell's resolution starts. */
export type RecognitionState = 'NONE' | 'PROPOSED' | 'APPROVED' | 'REJECTED';
export type RecognitionAction = 'PROPOSE' | 'APPROVE' | 'REJECT';

/**
 * The caller as the identity-edit actor reads them (policy.ts identityEditActor), with `keeperRoles` computed on
 * the competent committee (recognition.rules.ts competentCommitteePath) rather than on the dossier's keeper.
 */
export type RecognitionActor = IdentityEditActor;

const CELL_OFFICERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY'];

/** The cell's secretary or deputy (or one above the cell) enters its resolution; never about themself. */
const cellProposes = (actor: RecognitionActor) => !actor.self && actor.rolesOver.some((role) => CELL_OFFICERS.includes(role));

const refused = (message: string): UserError => ({ code: 'FORBIDDEN_ACTION', field: 'memberId', message });

/** Why the caller may not take the committee's decision on this proposal. */
function decisionRefusal(actor: RecognitionActor): UserError {
  if (actor.self) return refused('Đồng chí không thể tự quyết định việc của chính mình.');
  if (!actor.keeperRoles.some((role) => CELL_OFFICERS.includes(role))) {
    return refused('Việc công nhận đảng viên chính thức do bí thư hoặc phó bí thư cấp ủy cấp trên của chi bộ quyết định.');
  }
  if (actor.proposer) return refused('Người nhập nghị quyết đề nghị không tự quyết định: một đồng chí khác của cấp ủy có thẩm quyền quyết định.');
  return refused('Đảng viên này giữ chức vụ ngang hoặc cao hơn quyền của đồng chí, nên việc này do cấp ủy cấp trên quyết định.');
}

const onDecision = (reason: string, _state: unknown, actor: RecognitionActor) => (reason === 'FORBIDDEN_ACTION' ? decisionRefusal(actor) : null);

/** The two steps of recognition (docs/rules/member-register.md#recognition); the machine's table test walks them all. */
export const recognitionMachine = defineMachine<RecognitionState, RecognitionAction, RecognitionActor, { state: RecognitionState }>({
  subject: 'đề nghị công nhận đảng viên chính thức',
  states: { NONE: 'chưa có', PROPOSED: 'đang chờ cấp ủy quyết định', APPROVED: 'đã được công nhận', REJECTED: 'không được công nhận' },
  stateOf: (entity) => entity.state,
  field: 'memberId',
  actions: {
    PROPOSE: {
      label: 'đề nghị công nhận chính thức',
      from: ['NONE'],
      to: 'PROPOSED',
      allowed: cellProposes,
      refusal: (reason, _state, actor) =>
        reason !== 'FORBIDDEN_ACTION'
          ? null
          : actor.self
            ? refused('Đồng chí không thể tự đề nghị công nhận chính thức cho mình.')
            : refused('Nghị quyết đề nghị công nhận chính thức do bí thư hoặc phó bí thư chi bộ của đảng viên nhập.'),
    },
    APPROVE: { label: 'công nhận chính thức', from: ['PROPOSED'], to: 'APPROVED', allowed: keeperDecides, refusal: onDecision },
    REJECT: { label: 'không công nhận chính thức', from: ['PROPOSED'], to: 'REJECTED', allowed: keeperDecides, refusal: onDecision },
  },
});
