import type { MemberResolvers } from '../generated/resolvers.ts';
import { policy } from '../policy.ts';

/** A member as other subgraphs send one: the id and, through @requires, the fields the asked-for field needs. */
export type MemberReference = { id: string; orgPath?: string } & Record<string, unknown>;

export const Member: MemberResolvers = {
  __resolveReference: (reference) => reference,
  transfers: (member, _, context) => context.loaders.ofMember.load(member.id),
  viewerMayStartTransferFor: (member, _, context) =>
    member.id !== context.identity.personId && policy.can(context.identity, 'START_TRANSFER', { id: member.id, orgPath: member.orgPath ?? null }),
  transferVoucher: (member, _, context) => context.vouchers.member(member, context.identity.personId),
  transferLetterVoucher: (member, _, context) => context.vouchers.letter(member, context.identity.personId),
};
