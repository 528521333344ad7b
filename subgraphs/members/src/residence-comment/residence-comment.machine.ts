import { defineMachine, type UserError } from '@dangvu/subgraph-kit';

export const COMMENT_STATES = ['AWAITING_ROUTING', 'AT_COMMUNE', 'AT_CELL', 'ON_PAPER', 'ANSWERED', 'CANCELLED'] as const;
export type CommentState = (typeof COMMENT_STATES)[number];
export const OPEN_STATES: readonly CommentState[] = ['AWAITING_ROUTING', 'AT_COMMUNE', 'AT_CELL', 'ON_PAPER'];
export type CommentAction = 'ROUTE_TO_COMMUNE' | 'SEND_ON_PAPER' | 'ASSIGN_CELL' | 'ANSWER' | 'RECORD_PAPER_ANSWER' | 'SUPERSEDE' | 'CANCEL' | 'REROUTE';

/**
 * How the caller stands to one request (worked out by policy.ts from the request's paths): an officer
 * (secretary or deputy) over the workplace that asks, over the commune committee it is at, over the residence
 * cell it is with; the member it is about; the platform itself re-routing after a residence change.
 */
export interface CommentActor {
  workplace: boolean;
  commune: boolean;
  cell: boolean;
  subject: boolean;
  system: boolean;
}

export interface CommentEntity {
  state: CommentState;
  /** Whether the comment in force came on paper (the workplace recorded it) or from the cell in the system. */
  answeredOnPaper: boolean;
  /** Whether the member's residence cell is confirmed now: a re-route sends the request straight there. */
  residenceCellKnown: boolean;
}

export interface CommentInput {
  reason?: string | null;
}

const notSelf = (actor: CommentActor) => !actor.subject;
const ownComment = (_reason: unknown, _state: CommentState, actor: CommentActor): UserError | null =>
  actor.subject ? { code: 'OWN_COMMENT', field: 'requestId', message: 'Đồng chí không thể tự xử lý việc lấy ý kiến nhận xét về chính mình.' } : null;

/** docs/rules/residence-comments.md#the-request-s-states */
export const commentMachine = defineMachine<CommentState, CommentAction, CommentActor, CommentEntity, CommentInput>({
  subject: 'đề nghị nhận xét',
  states: {
    AWAITING_ROUTING: 'đang chờ chuyển đến nơi cư trú',
    AT_COMMUNE: 'đang ở đảng ủy xã, phường nơi cư trú',
    AT_CELL: 'đang ở chi bộ nơi cư trú',
    ON_PAPER: 'đã gửi bằng giấy ra ngoài hệ thống',
    ANSWERED: 'đã có nhận xét',
    CANCELLED: 'đã hủy',
  },
  stateOf: (entity) => entity.state,
  field: 'requestId',
  actions: {
    ROUTE_TO_COMMUNE: {
      label: 'chuyển đề nghị đến đảng ủy xã, phường nơi cư trú',
      from: ['AWAITING_ROUTING', 'AT_COMMUNE', 'ON_PAPER'],
      to: 'AT_COMMUNE',
      allowed: (actor) => actor.workplace && notSelf(actor),
      refusal: ownComment,
    },
    SEND_ON_PAPER: {
      label: 'gửi đề nghị bằng giấy',
      from: ['AWAITING_ROUTING', 'AT_COMMUNE'],
      to: 'ON_PAPER',
      allowed: (actor) => actor.workplace && notSelf(actor),
      refusal: ownComment,
    },
    ASSIGN_CELL: {
      label: 'giao chi bộ nơi cư trú nhận xét',
      from: ['AT_COMMUNE'],
      to: 'AT_CELL',
      allowed: (actor) => actor.commune && notSelf(actor),
      refusal: ownComment,
    },
    ANSWER: {
      label: 'ghi nhận xét',
      from: ['AT_CELL'],
      to: 'ANSWERED',
      allowed: (actor) => actor.cell && notSelf(actor),
      refusal: ownComment,
    },
    RECORD_PAPER_ANSWER: {
      label: 'ghi nhận bản nhận xét bằng giấy',
      from: ['ON_PAPER'],
      to: 'ANSWERED',
      allowed: (actor) => actor.workplace && notSelf(actor),
      refusal: ownComment,
    },
    SUPERSEDE: {
      label: 'thay nhận xét đã gửi',
      from: ['ANSWERED'],
      to: 'ANSWERED',
      // Whoever gave the comment in force replaces it: the cell its own, the workplace a paper one it recorded.
      allowed: (actor, entity) => (entity.answeredOnPaper ? actor.workplace : actor.cell) && notSelf(actor),
      guard: (_entity, input) =>
        input?.reason?.trim() ? null : { code: 'REASON_REQUIRED', field: 'reason', message: 'Hãy ghi lý do thay nhận xét đã gửi.' },
      refusal: ownComment,
    },
    CANCEL: {
      label: 'hủy đề nghị',
      from: OPEN_STATES,
      to: 'CANCELLED',
      allowed: (actor) => actor.workplace && notSelf(actor),
      guard: (_entity, input) => (input?.reason?.trim() ? null : { code: 'REASON_REQUIRED', field: 'reason', message: 'Hãy ghi lý do hủy đề nghị.' }),
      refusal: ownComment,
    },
    REROUTE: {
      label: 'chuyển lại đề nghị theo nơi cư trú mới',
      from: OPEN_STATES,
      to: (entity) => (entity.residenceCellKnown ? 'AT_CELL' : 'AWAITING_ROUTING'),
      allowed: (actor) => actor.system,
    },
  },
});
