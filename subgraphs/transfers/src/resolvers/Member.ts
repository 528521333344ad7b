import type { TransfersContext } from '../context.ts';

type MemberReference = { id: string; orgPath?: string };

export const Member = {
  __resolveReference: (reference: MemberReference) => reference,
  transfers: (member: MemberReference, _: unknown, context: TransfersContext) => context.loaders.ofMember.load(member.id),
};
