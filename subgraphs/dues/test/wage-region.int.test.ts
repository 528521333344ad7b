import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { drainOutbox, publish, runJob, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obligationsJob } from '../src/obligation/obligations.job.ts';
import { duesOrganizationTypedConsumer } from '../src/organization/organization-typed.consumer.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
const SET = `mutation ($input: SetWageRegionInput!) { setWageRegion(input: $input) { organization { id duesWageRegion } userErrors { code } } }`;
const ward = randomUUID();
const cell = randomUUID();
const wardPath = `/${randomUUID()}/${ward}/`;
const cellPath = `${wardPath}${cell}/`;
const noIncome = randomUUID();

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', duesSubgraph);
  const { db } = subgraph.db;
  // The organization subgraph announced the ward and the cell when they were made.
  await db.transaction(async (tx) => {
    await publish(tx, 'organization.typed', ward, { orgId: ward, path: wardPath, type: 'PROVINCE_SUBORDINATE' });
    await publish(tx, 'organization.typed', cell, { orgId: cell, path: cellPath, type: 'GRASSROOTS_CELL' });
  });
  expect(await drainOutbox(db, duesOrganizationTypedConsumer)).toBe(2);
  await db.insert(tables.payers).values({ memberId: noIncome, orgId: cell, orgPath: cellPath, category: 'NO_INCOME_BELOW_RETIREMENT_AGE', birthDate: '1990-01-01', sex: 'MALE', collectsFrom: '2026-01-01' });
});
afterAll(() => subgraph?.stop());

const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const set = (caller: ReturnType<typeof personWith>, organizationId: string, region: string) => subgraph.call(SET, { input: { organizationId, region } }, caller);
const monthOf = async (period: string) =>
  (await subgraph.db.db.select().from(tables.obligations).where(and(eq(tables.obligations.memberId, noIncome), eq(tables.obligations.period, period))))[0];

describe('Mutation.setWageRegion', () => {
  it('is set by the ward above, audited, and the next month’s run then makes the obligation of a member without income', async () => {
    const job = obligationsJob({ defaultWageRegion: null });
    await runJob(subgraph.db, job, { month: '2026-03' });
    expect(await monthOf('2026-03-01')).toBeUndefined();

    const secretary = as('SECRETARY', wardPath);
    const { data, errors } = await set(secretary, cell, 'REGION_III');
    expect(errors).toBeUndefined();
    expect(data!.setWageRegion).toEqual({ organization: { id: cell, duesWageRegion: 'REGION_III' }, userErrors: [] });
    const trail = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.action, 'dues.wageRegionSet'), eq(tables.auditEntries.entityId, cell)));
    expect(trail).toMatchObject([{ actorId: secretary.personId, before: null, after: { region: 'REGION_III' }, orgPath: cellPath }]);

    await runJob(subgraph.db, job, { month: '2026-04' });
    // 0,3% of region III's 4.140.000 đ.
    expect(await monthOf('2026-04-01')).toMatchObject({ amount: 12_420, status: 'DUE' });
  });

  it('is set by an administrator, deputy or finance member above; refused to the cell’s own officers, officers elsewhere, analysts and members', async () => {
    for (const caller of [as('ADMIN', wardPath), as('DEPUTY_SECRETARY', wardPath), as('FINANCE_MEMBER', wardPath)]) {
      expect((await set(caller, cell, 'REGION_II')).data!.setWageRegion.userErrors).toEqual([]);
    }
    for (const caller of [as('SECRETARY', cellPath), as('ADMIN', cellPath), as('SECRETARY', `/${randomUUID()}/`), as('ANALYST', wardPath), personWith(noIncome)]) {
      const { data, errors } = await set(caller, cell, 'REGION_I');
      expect(data).toBeNull();
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
    const [row] = await subgraph.db.db.select().from(tables.orgWageRegions).where(eq(tables.orgWageRegions.orgId, cell));
    expect(row!.region).toBe('REGION_II');
  });

  it('answers an organization it does not know with NOT_FOUND', async () => {
    const { errors } = await set(as('ADMIN', wardPath), randomUUID(), 'REGION_I');
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});
