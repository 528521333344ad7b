import { appError, type UserError } from '@dangvu/subgraph-kit';
import { z } from 'zod';
import type { TransferSecrets } from '../signature/transfer-secrets.ts';
import type { DuesStandingFacts } from '../transfer/dues-clearance.rules.ts';
import { parentPath, type OrgFacts, type OrgLine, type OrgType } from '../transfer/issuing-route.rules.ts';
import { openVoucher, sealVoucher } from './voucher.ts';

/**
 * The vouchers a transfer's steps need (docs/decisions/0010-transfer-letters.md#facts-from-other-subgraphs):
 * the member and their organization's line (to open a dossier), an organization's line (its destination), and
 * the member's identifiers and dues standing (to issue the letter). Each is read through the gateway, which
 * hands this subgraph the other subgraphs' answers (@requires), and sealed for the caller.
 */
export interface MemberVoucher {
  memberId: string;
  fullName: string;
  origin: OrgLine;
}

export interface OrganizationVoucher {
  line: OrgLine;
}

export interface LetterVoucher {
  memberId: string;
  fullName: string;
  birthDate: string | null;
  membershipKind: 'OFFICIAL' | 'PROBATIONARY';
  joinedOn: string;
  officialOn: string | null;
  cardNumber: string | null;
  dossierNumber: string | null;
  rosterNumber: number | null;
  dues: DuesStandingFacts;
}

const ORG_TYPES = [
  'CENTRAL',
  'CENTRAL_DIRECT_COMMITTEE',
  'PROVINCIAL',
  'PROVINCE_SUBORDINATE',
  'GRASSROOTS_COMMITTEE',
  'GRASSROOTS_CELL',
  'PARTIAL_COMMITTEE',
  'SUBORDINATE_CELL',
  'PARTY_GROUP',
  'OVERSEAS',
] as const satisfies readonly OrgType[];

interface OrgNode {
  id: string;
  code: string;
  name: string;
  type: OrgType;
  parent?: OrgNode | null;
}
const orgNode: z.ZodType<OrgNode> = z.lazy(() =>
  z.object({ id: z.string(), code: z.string(), name: z.string(), type: z.enum(ORG_TYPES), parent: orgNode.nullish() }),
);

/** The fields the SDL's @requires selections name: four organizations up from a cell reach its province. */
const memberRepresentation = z.object({ id: z.string(), orgPath: z.string(), fullName: z.string(), organization: orgNode });
const organizationRepresentation = orgNode.and(z.object({ path: z.string() }));
const letterRepresentation = z.object({
  id: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullish(),
  membershipKind: z.enum(['OFFICIAL', 'PROBATIONARY']),
  joinedOn: z.string(),
  officialOn: z.string().nullish(),
  cardNumber: z.string().nullish(),
  dossierNumber: z.string().nullish(),
  rosterNumber: z.number().int().nullish(),
  duesStanding: z.object({ paidThrough: z.string().nullish(), inGoodStanding: z.boolean() }),
});

/** The line of `node` at `path`, each organization above given the path its place on `path` says. */
function lineOf(node: OrgNode, path: string): OrgLine {
  const line: OrgFacts[] = [];
  let at: OrgNode | null | undefined = node;
  let atPath: string | null = path;
  while (at && atPath) {
    if (atPath.split('/').at(-2) !== at.id) break;
    line.push({ id: at.id, path: atPath, code: at.code, name: at.name, type: at.type });
    at = at.parent;
    atPath = parentPath(atPath);
  }
  return { organization: line[0]!, above: line.slice(1) };
}

/** A representation the gateway built from another subgraph's answer that does not have the shape asked for: a bug, not the user's. */
function parsed<T>(schema: z.ZodType<T>, representation: unknown): T {
  const result = schema.safeParse(representation);
  if (!result.success) throw new Error(`transfers: representation does not fit its @requires: ${z.prettifyError(result.error)}`);
  return result.data;
}

export function transferVouchers(secrets: TransferSecrets, now: () => Date) {
  const seal = <F>(kind: string, readBy: string | null, facts: F) => {
    if (!readBy) throw appError('FORBIDDEN', 'Đồng chí không có quyền thực hiện thao tác này.');
    return sealVoucher(secrets, kind, readBy, facts, now());
  };
  return {
    member(representation: unknown, readBy: string | null): string {
      const member = parsed(memberRepresentation, representation);
      return seal<MemberVoucher>('member', readBy, { memberId: member.id, fullName: member.fullName, origin: lineOf(member.organization, member.orgPath) });
    },
    organization(representation: unknown, readBy: string | null): string {
      const organization = parsed(organizationRepresentation, representation);
      return seal<OrganizationVoucher>('organization', readBy, { line: lineOf(organization, organization.path) });
    },
    letter(representation: unknown, readBy: string | null): string {
      const m = parsed(letterRepresentation, representation);
      return seal<LetterVoucher>('letter', readBy, {
        memberId: m.id,
        fullName: m.fullName,
        birthDate: m.birthDate ?? null,
        membershipKind: m.membershipKind,
        joinedOn: m.joinedOn,
        officialOn: m.officialOn ?? null,
        cardNumber: m.cardNumber ?? null,
        dossierNumber: m.dossierNumber ?? null,
        rosterNumber: m.rosterNumber ?? null,
        dues: { paidThrough: m.duesStanding.paidThrough ?? null, inGoodStanding: m.duesStanding.inGoodStanding },
      });
    },
    open: <F>(token: string, kind: 'member' | 'organization' | 'letter', readBy: string | null, field: string): F | UserError =>
      openVoucher<F>(secrets, token, kind, readBy, now(), field),
  };
}

export type TransferVouchers = ReturnType<typeof transferVouchers>;
