import type { TransferLetterResolvers } from '../generated/resolvers.ts';

export const TransferLetter: TransferLetterResolvers = {
  number: ({ letter }) => letter.number,
  issuedOn: ({ letter }) => letter.issuedOn,
  duesPaidThrough: ({ letter }) => letter.duesPaidThrough,
  validUntil: ({ letter }) => letter.validUntil,
  form: ({ transfer }) => (transfer.kind === 'OFFICIAL' ? 'OFFICIAL_10_BOX' : 'TEMPORARY_8_BOX'),
  issuingOrganization: ({ letter }) => ({ __typename: 'Organization' as const, id: letter.issuerOrgId }),
  link: (view, _, context) => context.letters.link(view),
  pdf: (view, _, context) => context.letters.pdf(view),
  voidedNumbers: (view, _, context) => context.letters.voidedNumbers(view),
};
