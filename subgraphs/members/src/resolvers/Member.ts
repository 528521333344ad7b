import type { MembersContext } from '../context.ts';
import type { MemberRow } from '../member/member.repository.ts';

/** A personal field whose reading by anyone but the member is noted in the member's access log. */
const personal =
  <K extends 'citizenId' | 'birthDate' | 'residenceAddress' | 'phone'>(field: K) =>
  (member: MemberRow, _: unknown, context: MembersContext) => {
    context.views.record(member);
    return member[field];
  };

export const Member = {
  async __resolveReference(reference: { id: string }, context: MembersContext) {
    const member = await context.loaders.byId.load(reference.id);
    // Every record a partner system reaches is attributed to it in the audit trail, personal fields or not.
    if (member && context.identity.partner) context.views.record(member);
    return member;
  },
  organization: (member: MemberRow) => ({ __typename: 'Organization', id: member.orgId }),
  residenceCell: (member: MemberRow, _: unknown, context: MembersContext) => {
    context.views.record(member);
    return member.residenceOrgId ? { __typename: 'Organization', id: member.residenceOrgId } : null;
  },
  citizenId: personal('citizenId'),
  birthDate: personal('birthDate'),
  residenceAddress: personal('residenceAddress'),
  phone: personal('phone'),
  accessLog: (member: MemberRow, _: unknown, context: MembersContext) => context.loaders.accessLog.load(member.id),
  roleGrants: (member: MemberRow, _: unknown, context: MembersContext) => context.loaders.roleGrants.load(member.id),
  account: (member: MemberRow, _: unknown, context: MembersContext) => context.loaders.account.load(member.id),
};
