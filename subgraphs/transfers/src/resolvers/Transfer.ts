import type { TransferResolvers } from '../generated/resolvers.ts';
import { actsForMember } from '../policy.ts';
import { DOSSIER_ITEMS } from '../transfer/dossier-items.rules.ts';
import { subjectOf } from '../transfer/transfer.service.ts';

const organization = (id: string | null) => (id ? { __typename: 'Organization' as const, id } : null);

export const Transfer: TransferResolvers = {
  member: (transfer) => ({ __typename: 'Member' as const, id: transfer.memberId }),
  fromOrganization: (transfer) => organization(transfer.fromOrgId)!,
  issuingOrganization: (transfer) => organization(transfer.issuerOrgId),
  issuingRoute: (transfer) => transfer.route,
  toOrganization: (transfer) => organization(transfer.toOrgId),
  destination: (transfer) => transfer,
  endsOn: (transfer) => transfer.plannedEndOn,
  nextDeadline: (transfer, _, context) => context.reads.nextDeadline(transfer),
  availableActions: (transfer, _, context) => context.reads.availableActions(transfer),
  viewerActsForMember: (transfer, _, context) => actsForMember(context.identity, subjectOf(transfer)),
  timeline: (transfer, _, context) => context.reads.timeline(transfer),
  dossierChecks: async (transfer, _, context) => {
    const checks = await context.loaders.dossierChecks.load(transfer.id);
    return DOSSIER_ITEMS.map(({ item, label }) => {
      const check = checks.find((row) => row.item === item);
      return { item, label, checked: Boolean(check), checkedBy: check ? { __typename: 'Member' as const, id: check.checkedBy } : null, checkedAt: check?.checkedAt ?? null };
    });
  },
  letter: async (transfer, _, context) => {
    const letter = await context.reads.letter(transfer);
    return letter && { letter, transfer };
  },
  signaturesValid: (transfer, _, context) => context.reads.signaturesValid(transfer),
  createdAt: (transfer) => transfer.createdAt.toISOString(),
};
