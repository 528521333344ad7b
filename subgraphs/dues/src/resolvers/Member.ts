import type { DuesContext } from '../context.ts';
import { duesStanding } from '../standing/standing.rules.ts';

type MemberReference = { id: string; orgPath?: string };

export const Member = {
  __resolveReference: (reference: MemberReference) => reference,
  duesStanding: async (member: MemberReference, _: unknown, context: DuesContext) =>
    duesStanding(await context.loaders.obligations.load(member.id)),
};
