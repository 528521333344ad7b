import { randomUUID } from 'node:crypto';
import type { Identity, Role } from '@dangvu/subgraph-kit';
import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { expect } from 'vitest';
import { DOSSIER_ITEMS } from '../src/transfer/dossier-items.rules.ts';

export interface Org {
  id: string;
  path: string;
  code: string;
  name: string;
  type: string;
  parent: Org | null;
}

function org(parent: Org | null, code: string, name: string, type: string): Org {
  const id = randomUUID();
  return { id, path: `${parent?.path ?? '/'}${id}/`, code, name, type, parent };
}

/**
 * A province with two communes. In the first: the member's village cell and an enterprise's grassroots
 * committee with two subordinate cells; in the second: a village cell; and a provincial agency's cell directly
 * under the province.
 */
export function tree() {
  const province = org(null, 'T', 'Đảng bộ tỉnh Thử', 'PROVINCIAL');
  const commune = org(province, 'T.1', 'Đảng bộ xã Yên Thành', 'PROVINCE_SUBORDINATE');
  const cell = org(commune, 'T.1.5', 'Chi bộ thôn Đông', 'GRASSROOTS_CELL');
  const enterprise = org(commune, 'T.1.3', 'Đảng bộ Công ty Dệt may Yên Thành', 'GRASSROOTS_COMMITTEE');
  const weaving = org(enterprise, 'T.1.3.c1', 'Chi bộ Phân xưởng Dệt', 'SUBORDINATE_CELL');
  const sewing = org(enterprise, 'T.1.3.c2', 'Chi bộ Phân xưởng May', 'SUBORDINATE_CELL');
  const otherCommune = org(province, 'T.2', 'Đảng bộ phường Ninh Phong', 'PROVINCE_SUBORDINATE');
  const otherCell = org(otherCommune, 'T.2.4', 'Chi bộ tổ dân phố 3', 'GRASSROOTS_CELL');
  const agency = org(province, 'T.9', 'Chi bộ Sở Xây dựng', 'GRASSROOTS_CELL');
  return { province, commune, cell, enterprise, weaving, sewing, otherCommune, otherCell, agency };
}

export type Tree = ReturnType<typeof tree>;

export const person = (role?: Role, where?: Org, personId: string = randomUUID()): Identity => ({
  personId,
  grants: role && where ? [{ role, orgId: where.id, orgPath: where.path }] : [],
  partner: null,
});

/** An organization as the gateway hands it over for a @requires selection: its fields and its parents'. */
const node = (o: Org | null): Record<string, unknown> | null => (o ? { id: o.id, code: o.code, name: o.name, type: o.type, parent: node(o.parent) } : null);

export interface MemberFacts {
  id: string;
  fullName: string;
  cell: Org;
  paidThrough?: string | null;
  inGoodStanding?: boolean;
}

export function transferClient(subgraph: TestSubgraph) {
  async function entity(representation: Record<string, unknown>, selection: string, as: Identity) {
    const { data, errors } = await subgraph.call(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ${representation.__typename as string} { ${selection} } } }`,
      { r: [representation] },
      as,
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    return data!._entities[0];
  }

  async function mutate(name: string, input: Record<string, unknown>, as: Identity, selection = 'state version code') {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    const answer = await subgraph.call(`mutation ($input: ${type}!) { ${name}(input: $input) { transfer { id ${selection} } userErrors { code field message } } }`, { input }, as);
    return { ...answer, payload: answer.data?.[name] as { transfer: Record<string, any> | null; userErrors: { code: string; field: string | null; message: string }[] } | undefined };
  }

  return {
    entity,
    mutate,
    /** The receiving side finds every item of the dossier present, as acceptance needs. */
    checkDossier: async (transferId: string, as: Identity) => {
      const answer = await mutate('checkTransferDossierItems', { transferId, items: DOSSIER_ITEMS.map(({ item }) => item) }, as);
      if (answer.payload?.userErrors.length || answer.errors) throw new Error(`dossier check refused: ${JSON.stringify(answer.payload?.userErrors ?? answer.errors)}`);
    },
    memberVoucher: async (member: MemberFacts, as: Identity): Promise<string> =>
      (await entity({ __typename: 'Member', id: member.id, orgPath: member.cell.path, fullName: member.fullName, organization: node(member.cell) }, 'transferVoucher', as))
        .transferVoucher,
    organizationVoucher: async (o: Org, as: Identity): Promise<string> =>
      (await entity({ __typename: 'Organization', ...node(o), path: o.path }, 'transferVoucher', as)).transferVoucher,
    letterVoucher: async (member: MemberFacts, as: Identity): Promise<string> =>
      (
        await entity(
          {
            __typename: 'Member',
            id: member.id,
            orgPath: member.cell.path,
            fullName: member.fullName,
            birthDate: '1985-04-12',
            joinedOn: '2010-05-19',
            officialOn: '2011-05-19',
            membershipKind: 'OFFICIAL',
            cardNumber: '52.012345',
            dossierNumber: '012345-NB',
            rosterNumber: 7,
            duesStanding: { paidThrough: member.paidThrough === undefined ? '2026-02' : member.paidThrough, inGoodStanding: member.inGoodStanding ?? true },
          },
          'transferLetterVoucher',
          as,
        )
      ).transferLetterVoucher,
    query: (query: string, variables: Record<string, unknown>, as: Identity) => subgraph.call(query, variables, as),
  };
}

export type TransferClient = ReturnType<typeof transferClient>;

/** A clock the test moves: every service reads the time from it. */
export function clock(start: string) {
  let now = new Date(start);
  return {
    now: () => now,
    set(instant: string) {
      now = new Date(instant);
    },
  };
}
