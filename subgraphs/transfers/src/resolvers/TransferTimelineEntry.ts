import { isCalendarDay, numericDay } from '@dangvu/subgraph-kit';
import type { TransferTimelineEntryResolvers } from '../generated/resolvers.ts';

const member = (id: string | null) => (id ? { __typename: 'Member' as const, id } : null);

/** The decision's texts, in the words a timeline shows them. */
const NOTE_LABELS: [key: string, label: string][] = [
  ['reason', 'Lý do'],
  ['missing', 'Cần bổ sung'],
  ['conclusion', 'Kết luận của chi bộ'],
  ['lateReason', 'Lý do chậm'],
  ['letterNumber', 'Giấy giới thiệu số'],
  ['voidedNumber', 'Hủy giấy số'],
  ['policeConfirmation', 'Xác nhận của công an'],
  ['slipReference', 'Phiếu báo'],
  ['endsOn', 'Đến ngày'],
  ['rosterNumber', 'Số danh sách'],
  ['note', 'Ghi chú'],
  ['memberConsent', 'Đảng viên đồng ý'],
];

type Decision = Record<string, unknown>;

/** A decided value as the timeline writes it: a day as dd/mm/yyyy (the signed decision keeps YYYY-MM-DD). */
const wording = (value: unknown) => (typeof value === 'string' && isCalendarDay(value) ? numericDay(value) : String(value));

export const TransferTimelineEntry: TransferTimelineEntryResolvers = {
  action: (entry) => (entry.kind === 'STEP' ? entry.step.action : 'HANDOVER'),
  sequence: (entry) => (entry.kind === 'STEP' ? entry.step.sequence : null),
  fromState: (entry) => (entry.kind === 'STEP' ? entry.step.fromState : null),
  toState: (entry) => (entry.kind === 'STEP' ? entry.step.toState : null),
  at: (entry) => (entry.kind === 'STEP' ? entry.step.at : entry.handover.at),
  actor: (entry) => member(entry.kind === 'STEP' ? entry.step.actorId : entry.handover.recordedBy),
  onBehalfOf: (entry) => member(entry.kind === 'STEP' ? entry.step.onBehalfOf : null),
  side: (entry) => (entry.kind === 'STEP' ? (entry.step.actorId ? ((entry.step.decision as Decision).side as never) : 'SYSTEM') : null),
  organization: (entry) => {
    const id = entry.kind === 'STEP' ? (entry.step.decision as Decision).organizationId : null;
    return typeof id === 'string' ? { __typename: 'Organization' as const, id } : null;
  },
  note: (entry) => {
    if (entry.kind === 'HANDOVER') return entry.handover.place ? `Bàn giao tại ${entry.handover.place}` : 'Bàn giao hồ sơ';
    const decision = entry.step.decision as Decision;
    const parts = NOTE_LABELS.flatMap(([key, label]) => (decision[key] === null || decision[key] === undefined ? [] : [`${label}: ${wording(decision[key])}`]));
    return parts.length ? parts.join('. ') : null;
  },
  signed: (entry) => entry.kind === 'STEP' && entry.step.signature !== null,
};
