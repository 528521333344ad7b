import type { MembersContext } from '../context.ts';
import type { ContactChangeRow } from '../member/member-edit.service.ts';
import type { MemberFields } from '../member/member.rules.ts';

type Input<T> = { input: T };

export const MemberMutation = {
  updateMember: (_: unknown, { input }: Input<Partial<MemberFields> & { id: string; expectedVersion: number }>, context: MembersContext) =>
    context.memberEdits.update(input),
  proposeContactChange: (
    _: unknown,
    { input }: Input<{ phone?: string | null; residenceAddress?: string | null; forMemberId?: string | null }>,
    context: MembersContext,
  ) =>
    context.memberEdits.proposeContactChange(input),
  decideContactChange: (_: unknown, { input }: Input<{ requestId: string; approve: boolean }>, context: MembersContext) =>
    context.memberEdits.decideContactChange(input),
};

export const ContactChangeRequest = {
  requestedAt: (request: ContactChangeRow) => request.requestedAt.toISOString(),
  member: (request: ContactChangeRow, _: unknown, context: MembersContext) => context.loaders.byId.load(request.memberId),
};
