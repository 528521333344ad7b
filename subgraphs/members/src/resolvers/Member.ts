import type { MemberResolvers } from '../generated/resolvers.ts';
import type { MemberRow } from '../member/member.repository.ts';
import type { MembersContext } from '../context.ts';
import { seesCommentRequest } from '../policy.ts';

/** A personal field whose reading by anyone but the member is noted in the member's access log. */
const personal =
  <K extends 'citizenId' | 'birthDate' | 'residenceAddress' | 'phone' | 'duesBasis' | 'residenceProvinceCode' | 'residenceCommuneCode'>(field: K) =>
  (member: MemberRow, _: unknown, context: MembersContext) => {
    context.views.record(member);
    return member[field];
  };

export const Member: MemberResolvers = {
  async __resolveReference(reference, context) {
    const member = await context.loaders.byId.load(reference.id);
    // Every record a partner system reaches is attributed to it in the audit trail, personal fields or not.
    if (member && context.identity.partner) context.views.record(member);
    return member;
  },
  organization: (member) => ({ id: member.orgId, path: member.orgPath }),
  temporaryHost: (member) =>
    member.temporaryHostOrgId && member.temporaryHostUntil ? { organization: { id: member.temporaryHostOrgId }, until: member.temporaryHostUntil } : null,
  residenceCell: (member, _, context) => {
    context.views.record(member);
    return member.residenceOrgId ? { id: member.residenceOrgId } : null;
  },
  citizenId: personal('citizenId'),
  residenceProvinceCode: personal('residenceProvinceCode'),
  residenceCommuneCode: personal('residenceCommuneCode'),
  managingCommittee: (member) => (member.managingCommitteeId ? { id: member.managingCommitteeId } : null),
  birthDate: personal('birthDate'),
  residenceAddress: personal('residenceAddress'),
  phone: personal('phone'),
  duesBasis: personal('duesBasis'),
  accessLog: (member, _, context) => context.loaders.accessLog.load(member.id),
  roleGrants: (member, _, context) => context.loaders.roleGrants.load(member.id),
  statusChanges: (member, _, context) => context.statusChangeReads.ofMember(member.id),
  startableStatusChanges: (member, _, context) => context.statusChangeReads.startable(member),
  identityEdits: (member, _, context) => context.identityEditReads.ofMember(member.id),
  canProposeIdentityEdit: (member, _, context) => context.identityEditReads.mayPropose(member),
  recognition: (member, _, context) => context.identityEditReads.recognitionOf(member.id),
  canProposeRecognition: (member, _, context) => context.identityEditReads.mayProposeRecognition(member),
  canRecognize: (member, _, context) => context.identityEditReads.mayRecognize(member),
  residenceDeclarations: (member, _, context) => context.residenceDeclarationReads.ofMember(member.id),
  account: (member, _, context) => context.loaders.account.load(member.id),
  viewerCan: (member) => member,
  // Only the requests the caller takes part in: an officer of the member's cell sees none its grassroots committee asked.
  residenceComments: async (member, _, context) =>
    (await context.commentLoaders.ofMember.load(member.id)).filter((request) => seesCommentRequest(context.identity, request)),
  grantableOrganizations: (member, _, context) => context.roles.grantableOrganizations(member),
  grantableRoles: (member, _, context) => context.roles.grantableRoles(member),
};
