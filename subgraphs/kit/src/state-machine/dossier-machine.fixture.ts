import { defineMachine } from './machine.ts';
import { holdsAny, type Relation } from './relation.ts';

/**
 * A small dossier machine for the helper's own tests: a member submits their draft, a secretary over them
 * approves it (once it has a deadline, with a note) or sends it back: to the member's draft while no deadline
 * runs, otherwise to the submitted pile.
 */
export type DossierState = 'DRAFT' | 'SUBMITTED' | 'APPROVED';
export interface Dossier {
  state: DossierState;
  deadline: string | null;
}

export const dossierMachine = defineMachine<DossierState, 'SUBMIT' | 'APPROVE' | 'SEND_BACK', Relation, Dossier, { note: string }>({
  subject: 'hồ sơ',
  states: { DRAFT: 'đang soạn', SUBMITTED: 'đã nộp', APPROVED: 'đã duyệt' },
  stateOf: (dossier) => dossier.state,
  field: 'dossierId',
  actions: {
    SUBMIT: { label: 'nộp hồ sơ', from: ['DRAFT'], to: 'SUBMITTED', allowed: (actor) => actor.self, field: null },
    APPROVE: {
      label: 'duyệt hồ sơ',
      from: ['SUBMITTED'],
      to: 'APPROVED',
      allowed: (actor) => !actor.self && holdsAny(actor, ['SECRETARY']),
      guard: (dossier, input) =>
        dossier.deadline === null
          ? { code: 'NO_DEADLINE', field: 'deadline', message: 'Hồ sơ chưa có hạn xử lý.' }
          : input?.note
            ? null
            : { code: 'NOTE_REQUIRED', field: 'note', message: 'Cần ghi ý kiến khi duyệt.' },
    },
    SEND_BACK: {
      label: 'trả lại hồ sơ',
      from: ['SUBMITTED', 'APPROVED'],
      to: (dossier) => (dossier.deadline ? 'SUBMITTED' : 'DRAFT'),
      allowed: (actor) => holdsAny(actor, ['SECRETARY']),
      refusal: (reason, state, actor) =>
        reason === 'ILLEGAL_TRANSITION' && state === 'DRAFT'
          ? { code: 'NOT_SUBMITTED', field: 'dossierId', message: 'Hồ sơ chưa được nộp.' }
          : reason === 'FORBIDDEN_ACTION' && actor.self
            ? { code: 'OWN_DOSSIER', field: 'dossierId', message: 'Đồng chí không thể tự trả lại hồ sơ của mình.' }
            : null,
    },
  },
});
