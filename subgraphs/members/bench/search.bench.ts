import { tables } from '@dangvu/drizzle';
import { seedDemoData } from '@dangvu/drizzle/seed';
import type { Identity } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startMembersSubgraph } from '../test/members-subgraph.ts';

/**
 * Register search on a province-sized database (BENCH_MEMBERS members, default 300,000), over signed HTTP
 * straight to the members subgraph, one client, pages of 20. Figures go to docs/benchmarks.md with the machine;
 * nothing here asserts a time.
 */
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 300_000);
type Org = { id: string; path: string };
let subgraph: TestSubgraph;
let province: Org;
let ward: Org;
let cell: Org;
let citizenId: string;
let cardNumber: string;

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const started = Date.now();
  await seedDemoData(subgraph.db.sql, { members: MEMBERS });
  await subgraph.db.sql`analyze`;
  console.log(`seeded ${MEMBERS} members in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const orgs = await subgraph.db.db.select().from(tables.organizations);
  province = orgs.find((o) => o.type === 'PROVINCIAL')!;
  ward = orgs.find((o) => o.type === 'PROVINCE_SUBORDINATE')!;
  const [someone] = await subgraph.db.db.select().from(tables.members).where(eq(tables.members.rosterNumber, 17)).limit(1);
  citizenId = someone!.citizenId;
  cardNumber = someone!.cardNumber ?? '';
  cell = orgs.find((o) => o.id === someone!.orgId)!;
}, 900_000);
afterAll(() => subgraph?.stop());

const SEARCH = `query ($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) {
  edges { node { id fullName membershipKind activityStatus organization { id } } } pageInfo { hasNextPage endCursor } } }`;
const adminOf = (org: Org) => personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', org.path);
const partner: Identity = { personId: null, grants: [], partner: { clientId: '00000000-0000-4000-8000-0000000000fe', scopes: ['members:read'] } };

async function run(filter: Record<string, unknown>, caller: Identity) {
  const answer = await subgraph.call(SEARCH, { filter, first: 20 }, caller);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

function report(name: string, result: { latency: { mean: number; p99?: number }; throughput: { mean: number } }) {
  console.log(
    `${name} (${MEMBERS} members): ${result.throughput.mean.toFixed(0)} req/s, mean ${result.latency.mean.toFixed(2)} ms` +
      (result.latency.p99 ? `, p99 ${result.latency.p99.toFixed(2)} ms` : ''),
  );
}

describe('member search on a province', () => {
  test('full name without diacritics, whole province', async ({ bench }) => {
    report('name "nguyen thi hoa", province admin', await bench('name', () => run({ query: 'nguyen thi hoa' }, adminOf(province))).run());
  });
  test('two words in the other order', async ({ bench }) => {
    report('name "hoa nguyen", province admin', await bench('reversed', () => run({ query: 'hoa nguyen' }, adminOf(province))).run());
  });
  test('the commonest family name alone: four in ten members match', async ({ bench }) => {
    report('name "nguyen", province admin', await bench('surname', () => run({ query: 'nguyen' }, adminOf(province))).run());
  });
  test('citizen ID, whole province', async ({ bench }) => {
    report('citizen ID, province admin', await bench('citizen id', () => run({ query: citizenId }, adminOf(province))).run());
  });
  test('card number, whole register', async ({ bench }) => {
    report('card number, partner', await bench('card', () => run({ query: cardNumber }, partner)).run());
  });
  test('ward subtree, active official members', async ({ bench }) => {
    report(
      'ward listing ACTIVE+OFFICIAL, ward admin',
      await bench('ward', () => run({ activityStatus: ['ACTIVE'], membershipKind: 'OFFICIAL' }, adminOf(ward))).run(),
    );
  });
  test('one cell picked by a province admin', async ({ bench }) => {
    report('organizationId = a cell, province admin', await bench('cell', () => run({ organizationId: cell.id }, adminOf(province))).run());
  });
  test('one ward picked by a province admin', async ({ bench }) => {
    report('organizationId = a ward, province admin', await bench('ward filter', () => run({ organizationId: ward.id }, adminOf(province))).run());
  });
  test('the whole register, first page, partner', async ({ bench }) => {
    report('whole register listing, partner', await bench('register', () => run({}, partner)).run());
  });
});
