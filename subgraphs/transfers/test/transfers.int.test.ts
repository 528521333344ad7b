import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const cellPath = '/province/cell/';
const member = randomUUID();
const fromOrgId = randomUUID();
const toOrgId = randomUUID();

beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', transfersSubgraph);
  await subgraph.db.db.insert(tables.transfers).values([
    { memberId: member, kind: 'OFFICIAL', state: 'COMPLETED', fromOrgId, toOrgId, reason: 'Chuyển công tác', effectiveOn: '2024-03-01', createdAt: new Date('2024-03-02T08:00:00Z') },
    { memberId: member, kind: 'TEMPORARY', state: 'DRAFT', fromOrgId, reason: 'Đi học tập trung', effectiveOn: '2026-09-01', createdAt: new Date('2026-09-02T08:00:00Z') },
  ]);
});
afterAll(() => subgraph?.stop());

const TRANSFERS = `query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Member", id: $id, orgPath: $path }]) {
  ... on Member { transfers { kind state reason effectiveOn createdAt fromOrganization { id } toOrganization { id } } } } }`;
const as = (personId: string, role?: Role, orgPath = cellPath) => personWith(personId, role, orgPath);

describe('Member.transfers', () => {
  it('lists the member’s dossiers newest first, with organizations as references', async () => {
    const { data, errors } = await subgraph.call(TRANSFERS, { id: member, path: cellPath }, as(member));
    expect(errors).toBeUndefined();
    expect(data!._entities[0].transfers).toEqual([
      { kind: 'TEMPORARY', state: 'DRAFT', reason: 'Đi học tập trung', effectiveOn: '2026-09-01', createdAt: '2026-09-02T08:00:00.000Z', fromOrganization: { id: fromOrgId }, toOrganization: null },
      { kind: 'OFFICIAL', state: 'COMPLETED', reason: 'Chuyển công tác', effectiveOn: '2024-03-01', createdAt: '2024-03-02T08:00:00.000Z', fromOrganization: { id: fromOrgId }, toOrganization: { id: toOrgId } },
    ]);
  });

  it('lets a deputy secretary above the cell read them', async () => {
    const { errors } = await subgraph.call(TRANSFERS, { id: member, path: cellPath }, as(randomUUID(), 'DEPUTY_SECRETARY', '/province/'));
    expect(errors).toBeUndefined();
  });

  it('refuses a finance member, another member and an analyst', async () => {
    for (const caller of [as(randomUUID(), 'FINANCE_MEMBER'), as(randomUUID()), as(randomUUID(), 'ANALYST', '/province/')]) {
      const { data, errors } = await subgraph.call(TRANSFERS, { id: member, path: cellPath }, caller);
      // The field is nullable (it is null too while this subgraph is down): the refusal nulls it alone.
      expect(data!._entities).toEqual([{ transfers: null }]);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
