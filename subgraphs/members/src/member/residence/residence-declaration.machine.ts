import { defineMachine, type UserError } from '@dangvu/subgraph-kit';

export type ResidenceDeclarationState = 'NONE' | 'DECLARED' | 'CONFIRMED' | 'REJECTED' | 'WITHDRAWN';
export type ResidenceDeclarationAction = 'DECLARE' | 'CONFIRM' | 'REJECT' | 'WITHDRAW';

/**
 * How the caller stands to a declaration, worked out by the members policy (residenceActor): the member it is
 * about, an officer over the member's own organization (who may declare for them), an officer of the commune
 * committee above the declared cell, the one who declared it.
 */
export interface ResidenceActor {
  self: boolean;
  memberOfficer: boolean;
  commune: boolean;
  declarer: boolean;
}

const refused = (message: string): UserError => ({ code: 'FORBIDDEN_ACTION', field: 'id', message });
const communeDecides = (actor: ResidenceActor) => actor.commune && !actor.self;
const communeRefusal = (actor: ResidenceActor) =>
  refused(actor.self ? 'Đồng chí không thể tự xác nhận nơi cư trú của chính mình.' : 'Việc xác nhận chi bộ nơi cư trú do bí thư hoặc phó bí thư đảng ủy xã, phường nơi cư trú thực hiện.');

/** A declaration's few steps (docs/rules/member-register.md#residence); its table test walks them all. */
export const residenceDeclarationMachine = defineMachine<ResidenceDeclarationState, ResidenceDeclarationAction, ResidenceActor, { state: ResidenceDeclarationState }>({
  subject: 'khai báo chi bộ nơi cư trú',
  states: { NONE: 'chưa có', DECLARED: 'đang chờ xác nhận', CONFIRMED: 'đã được xác nhận', REJECTED: 'không được xác nhận', WITHDRAWN: 'đã rút lại' },
  stateOf: (entity) => entity.state,
  field: 'id',
  actions: {
    DECLARE: {
      label: 'khai báo chi bộ nơi cư trú',
      from: ['NONE'],
      to: 'DECLARED',
      allowed: (actor) => actor.self || actor.memberOfficer,
      refusal: (reason) => (reason === 'FORBIDDEN_ACTION' ? refused('Đảng viên tự khai báo chi bộ nơi cư trú, hoặc bí thư, phó bí thư chi bộ khai báo giúp.') : null),
    },
    CONFIRM: { label: 'xác nhận chi bộ nơi cư trú', from: ['DECLARED'], to: 'CONFIRMED', allowed: communeDecides, refusal: (reason, _s, actor) => (reason === 'FORBIDDEN_ACTION' ? communeRefusal(actor) : null) },
    REJECT: { label: 'không xác nhận', from: ['DECLARED'], to: 'REJECTED', allowed: communeDecides, refusal: (reason, _s, actor) => (reason === 'FORBIDDEN_ACTION' ? communeRefusal(actor) : null) },
    WITHDRAW: {
      label: 'rút khai báo',
      from: ['DECLARED'],
      to: 'WITHDRAWN',
      allowed: (actor) => actor.self || actor.declarer,
      refusal: (reason) => (reason === 'FORBIDDEN_ACTION' ? refused('Chỉ đảng viên hoặc người khai báo giúp được rút khai báo.') : null),
    },
  },
});
