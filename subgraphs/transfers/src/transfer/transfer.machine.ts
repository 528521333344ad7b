import {
  defineMachine,
  holdsAny,
  ON_BEHALF_ROLES,
  type ActionDefinition,
  type Refusal,
  type Relation,
  type Role,
  type UserError,
} from '@dangvu/subgraph-kit';

export type TransferKind = 'OFFICIAL' | 'TEMPORARY';

/** Every state of either kind, as the database and the SDL name them (docs/rules/transfers.md#dossier-states). */
export const TRANSFER_STATES = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED_FOR_COMPLETION',
  'REVIEWED',
  'LETTER_ISSUED',
  'IN_TRANSIT',
  'OVERDUE',
  'RECEIVED',
  'HOSTED',
  'EXTENDED',
  'COMPLETED',
  'ENDED',
  'REJECTED',
  'REFUSED',
  'CANCELLED',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

export type OfficialState = Exclude<TransferState, 'HOSTED' | 'EXTENDED' | 'ENDED'>;
export type TemporaryState = Exclude<TransferState, 'COMPLETED'>;

/** A state from which no action leads anywhere. */
export const CLOSED_STATES: readonly TransferState[] = ['COMPLETED', 'ENDED', 'REJECTED', 'REFUSED', 'CANCELLED'];

export type CommonAction =
  | 'SUBMIT'
  | 'CANCEL'
  | 'REVIEW'
  | 'RETURN_FOR_COMPLETION'
  | 'REJECT'
  | 'ISSUE_LETTER'
  | 'HAND_OVER'
  | 'REPLACE_LETTER'
  | 'MARK_OVERDUE'
  | 'RECEIVE'
  | 'ACCEPT'
  | 'REFUSE';
export type OfficialAction = CommonAction | 'RECORD_EXTERNAL_RECEIPT';
export type TemporaryAction = CommonAction | 'EXTEND' | 'END';
export type TransferAction = OfficialAction | TemporaryAction;

/** What the machine reads of a dossier: its state and the facts its guards turn on. */
export interface TransferEntity<S extends TransferState = TransferState> {
  state: S;
  /** False for an organization outside the system (another province's, a ministry's, abroad). */
  destinationInSystem: boolean;
  /** Deadline A has passed (docs/rules/transfers.md#deadlines): a late start must say why. */
  startDeadlinePassed: boolean;
  /** Deadline B has passed. */
  presentDeadlinePassed: boolean;
  /** The member owes dues from before this month, as read for the letter (docs/rules/transfers.md#dues-on-the-letter). */
  duesOwed: boolean;
}

/** What an action may carry that its guards read. */
export interface TransferStepInput {
  /** Why a step comes after its deadline; the competent committee is told (docs/rules/transfers.md#deadlines). */
  lateReason?: string | null;
}

/**
 * The caller's relation to a dossier, worked out by the transfers policy (transferActor): `self` for the member,
 * `rolesOver` the roles reaching the member's cell (a secretary or deputy there may act for the member), and
 * whether the caller is a secretary or deputy of the sending side, of the issuing committee itself, or of the
 * receiving side (docs/rules/transfers.md#who-acts-on-a-dossier). `system` is the daily deadline job.
 */
export interface TransferActor extends Relation {
  sending: boolean;
  issuing: boolean;
  receiving: boolean;
  system: boolean;
}

type Action<S extends TransferState> = ActionDefinition<S, TransferActor, TransferEntity<S>, TransferStepInput>;

const FIELD = 'transferId';

/**
 * The member, or someone over the member's cell doing the member's step for them: a secretary or deputy, a
 * committee's processing officer, a support-team member (with the member's consent, which the service checks).
 */
const forMember = (actor: TransferActor) => actor.self || holdsAny(actor, ON_BEHALF_ROLES);
/** Who signs the letter for the issuing committee: its secretary or a deputy, not the office's processing officer. */
const LETTER_SIGNERS: readonly Role[] = ['SECRETARY', 'DEPUTY_SECRETARY'];
/** Officers decide on other people's dossiers, never on their own. */
const officer = (side: 'sending' | 'issuing' | 'receiving') => (actor: TransferActor) => !actor.self && actor[side];

const OWN_DOSSIER: UserError = {
  code: 'FORBIDDEN_ACTION',
  field: FIELD,
  message: 'Đồng chí không thể tự quyết định về hồ sơ chuyển sinh hoạt đảng của chính mình: việc này do đồng chí khác trong cấp ủy thực hiện.',
};
/** Tells an officer who is the member why not; every other refusal keeps the machine's wording. */
const ownDossier = (reason: Refusal, _state: TransferState, actor: TransferActor) => (reason === 'FORBIDDEN_ACTION' && actor.self ? OWN_DOSSIER : null);

const lateWithoutReason = (input: TransferStepInput | undefined, message: string): UserError | null =>
  input?.lateReason?.trim() ? null : { code: 'DEADLINE_PASSED', field: 'lateReason', message };

const inSystemOnly = (entity: TransferEntity): UserError | null =>
  entity.destinationInSystem
    ? null
    : { code: 'DESTINATION_OUTSIDE', field: FIELD, message: 'Nơi chuyển đến ở ngoài hệ thống: bên nhận xác nhận bằng phiếu báo, do cấp ủy cấp giấy ghi lại.' };

/** The steps both kinds share, up to the receiving side's check of the dossier; ACCEPT's target differs by kind. */
function commonActions<S extends TransferState>(acceptTo: S): Record<CommonAction, Action<S>> {
  const s = (...states: TransferState[]) => states as S[];
  return {
    SUBMIT: {
      label: 'nộp hồ sơ chuyển sinh hoạt',
      from: s('DRAFT', 'RETURNED_FOR_COMPLETION'),
      to: 'SUBMITTED' as S,
      allowed: forMember,
      guard: (entity, input) =>
        entity.startDeadlinePassed
          ? lateWithoutReason(input, 'Đã quá 60 ngày làm việc kể từ ngày quyết định có hiệu lực: đồng chí cần ghi rõ lý do chậm để báo cáo cấp ủy có thẩm quyền.')
          : null,
    },
    // Withdrawn before the letter is issued, by the member or the cell that holds it.
    CANCEL: {
      label: 'rút hồ sơ chuyển sinh hoạt',
      from: s('DRAFT', 'SUBMITTED', 'RETURNED_FOR_COMPLETION', 'REVIEWED'),
      to: 'CANCELLED' as S,
      allowed: (actor) => forMember(actor) || officer('sending')(actor),
    },
    REVIEW: { label: 'ghi nhận chi bộ đã xem xét hồ sơ', from: s('SUBMITTED'), to: 'REVIEWED' as S, allowed: officer('sending'), refusal: ownDossier },
    // The cell sends back a request it cannot review as it is; the issuing committee, a dossier it cannot complete.
    RETURN_FOR_COMPLETION: {
      label: 'trả hồ sơ để bổ sung',
      from: s('SUBMITTED', 'REVIEWED'),
      to: 'RETURNED_FOR_COMPLETION' as S,
      allowed: (actor, entity) => officer(entity.state === 'REVIEWED' ? 'issuing' : 'sending')(actor),
      refusal: ownDossier,
    },
    REJECT: { label: 'không đồng ý chuyển sinh hoạt', from: s('SUBMITTED'), to: 'REJECTED' as S, allowed: officer('sending'), refusal: ownDossier },
    ISSUE_LETTER: {
      label: 'cấp giấy giới thiệu sinh hoạt đảng',
      from: s('REVIEWED'),
      to: 'LETTER_ISSUED' as S,
      // The letter prints the member's identifiers and dues standing, which the secretary and deputies read.
      allowed: (actor) => officer('issuing')(actor) && holdsAny(actor, LETTER_SIGNERS),
      refusal: ownDossier,
      guard: (entity) =>
        entity.duesOwed
          ? { code: 'DUES_UNPAID', field: 'letterVoucher', message: 'Đảng viên còn nợ đảng phí những tháng trước tháng cấp giấy: chi bộ cần thu đủ trước.' }
          : null,
    },
    HAND_OVER: { label: 'niêm phong và giao hồ sơ cho đảng viên', from: s('LETTER_ISSUED'), to: 'IN_TRANSIT' as S, allowed: officer('issuing'), refusal: ownDossier },
    // A lost letter or dossier is made again; the member carries the new one, so it is handed over again.
    REPLACE_LETTER: {
      label: 'cấp lại giấy giới thiệu bị mất',
      from: s('LETTER_ISSUED', 'IN_TRANSIT', 'OVERDUE'),
      to: 'LETTER_ISSUED' as S,
      allowed: officer('issuing'),
      refusal: ownDossier,
    },
    MARK_OVERDUE: {
      label: 'đánh dấu quá hạn nộp giấy giới thiệu',
      from: s('IN_TRANSIT'),
      to: 'OVERDUE' as S,
      allowed: (actor) => actor.system,
      guard: (entity) => (entity.presentDeadlinePassed ? null : { code: 'NOT_OVERDUE', field: FIELD, message: 'Chưa quá hạn 30 ngày làm việc.' }),
    },
    RECEIVE: {
      label: 'tiếp nhận giấy giới thiệu và hồ sơ',
      from: s('IN_TRANSIT', 'OVERDUE'),
      to: 'RECEIVED' as S,
      allowed: officer('receiving'),
      refusal: ownDossier,
      guard: (entity, input) =>
        inSystemOnly(entity) ??
        (entity.state === 'OVERDUE'
          ? lateWithoutReason(input, 'Giấy giới thiệu đã quá 30 ngày làm việc: cần ghi rõ lý do chậm để báo cáo cấp ủy có thẩm quyền.')
          : null),
    },
    ACCEPT: { label: 'tiếp nhận đảng viên vào chi bộ', from: s('RECEIVED'), to: acceptTo, allowed: officer('receiving'), refusal: ownDossier, guard: inSystemOnly },
    REFUSE: { label: 'từ chối tiếp nhận', from: s('RECEIVED'), to: 'REFUSED' as S, allowed: officer('receiving'), refusal: ownDossier, guard: inSystemOnly },
  };
}

const STATE_WORDS: Record<TransferState, string> = {
  DRAFT: 'đang soạn',
  SUBMITTED: 'đã nộp, chờ chi bộ xem xét',
  RETURNED_FOR_COMPLETION: 'đang được trả lại để bổ sung',
  REVIEWED: 'đã được chi bộ xem xét, chờ cấp giấy giới thiệu',
  LETTER_ISSUED: 'đã có giấy giới thiệu, chờ giao cho đảng viên',
  IN_TRANSIT: 'đang được đảng viên chuyển đến nơi mới',
  OVERDUE: 'đã quá hạn nộp giấy giới thiệu',
  RECEIVED: 'đã được nơi đến tiếp nhận giấy, đang kiểm tra',
  HOSTED: 'đang sinh hoạt tạm thời ở nơi đến',
  EXTENDED: 'đang sinh hoạt tạm thời (đã gia hạn)',
  COMPLETED: 'đã hoàn thành',
  ENDED: 'đã kết thúc sinh hoạt tạm thời',
  REJECTED: 'đã bị chi bộ không đồng ý',
  REFUSED: 'đã bị nơi đến từ chối tiếp nhận',
  CANCELLED: 'đã rút',
};

const wordsOf = <S extends TransferState>(states: readonly S[]) => Object.fromEntries(states.map((state) => [state, STATE_WORDS[state]])) as Record<S, string>;

const OFFICIAL_STATES = TRANSFER_STATES.filter((state): state is OfficialState => !['HOSTED', 'EXTENDED', 'ENDED'].includes(state));
const TEMPORARY_STATES = TRANSFER_STATES.filter((state): state is TemporaryState => state !== 'COMPLETED');

/**
 * An official transfer (docs/rules/transfers.md#dossier-states): the member's request, the sending cell's review,
 * the letter from the issuing committee, the dossier carried to the receiving side, which receives and accepts
 * it. A destination outside the system confirms with its return slip, which the issuing committee records.
 */
export const officialTransferMachine = defineMachine<OfficialState, OfficialAction, TransferActor, TransferEntity<OfficialState>, TransferStepInput>({
  subject: 'hồ sơ chuyển sinh hoạt đảng chính thức',
  states: wordsOf(OFFICIAL_STATES),
  stateOf: (entity) => entity.state,
  field: FIELD,
  actions: {
    ...commonActions<OfficialState>('COMPLETED'),
    RECORD_EXTERNAL_RECEIPT: {
      label: 'ghi nhận phiếu báo đã tiếp nhận của nơi đến',
      from: ['IN_TRANSIT', 'OVERDUE'],
      to: 'COMPLETED',
      allowed: officer('issuing'),
      refusal: ownDossier,
      guard: (entity) =>
        entity.destinationInSystem
          ? { code: 'DESTINATION_IN_SYSTEM', field: FIELD, message: 'Nơi chuyển đến ở trong hệ thống: nơi đến tự tiếp nhận hồ sơ trên hệ thống.' }
          : null,
    },
  },
});

/**
 * A temporary transfer: the same steps up to acceptance, then the member is hosted (not counted in the host's
 * total, no vote) while the home cell keeps them; the host committee may extend, and says when it has ended.
 */
export const temporaryTransferMachine = defineMachine<TemporaryState, TemporaryAction, TransferActor, TransferEntity<TemporaryState>, TransferStepInput>({
  subject: 'hồ sơ chuyển sinh hoạt đảng tạm thời',
  states: wordsOf(TEMPORARY_STATES),
  stateOf: (entity) => entity.state,
  field: FIELD,
  actions: {
    ...commonActions<TemporaryState>('HOSTED'),
    EXTEND: { label: 'gia hạn sinh hoạt tạm thời', from: ['HOSTED', 'EXTENDED'], to: 'EXTENDED', allowed: officer('receiving'), refusal: ownDossier },
    END: { label: 'kết thúc sinh hoạt tạm thời', from: ['HOSTED', 'EXTENDED'], to: 'ENDED', allowed: officer('receiving'), refusal: ownDossier },
  },
});
