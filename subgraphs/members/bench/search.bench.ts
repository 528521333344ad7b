import { seedDemoData } from '@dangvu/drizzle/seed';
import { tables } from '@dangvu/drizzle';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { startMembersSubgraph } from '../test/members-subgraph.ts';

/** Register search on a province-sized database (BENCH_MEMBERS, default 300,000), over signed HTTP to the subgraph. */
let subgraph: TestSubgraph;
let province: { id: string; path: string };
let ward: { id: string; path: string };
let citizenId: string;

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  await seedDemoData(subgraph.db.sql, { members: Number(process.env.BENCH_MEMBERS ?? 300_000) });
  await subgraph.db.sql`analyze`;
  const orgs = await subgraph.db.db.select().from(tables.organizations);
  province = orgs.find((o) => o.type === 'PROVINCIAL')!;
  ward = orgs.find((o) => o.type === 'PROVINCE_SUBORDINATE')!;
  const [someone] = await subgraph.db.db.select().from(tables.members).where(eq(tables.members.rosterNumber, 17)).limit(1);
  citizenId = someone!.citizenId;
}, 900_000);
afterAll(() => subgraph?.stop());

const SEARCH = 'query ($filter: MemberFilter, $first: Int) { members(filter: $filter, first: $first) { edges { node { fullName } } pageInfo { hasNextPage } } }';

async function run(filter: Record<string, unknown>, path: string) {
  const answer = await subgraph.call(SEARCH, { filter, first: 20 }, personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', path));
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

function report(name: string, result: { latency: { mean: number; p99?: number }; throughput: { mean: number } }) {
  console.log(`${name}: ${result.throughput.mean.toFixed(0)} req/s, mean ${result.latency.mean.toFixed(2)} ms, p99 ${(result.latency.p99 ?? 0).toFixed(2)} ms`);
}

describe('member search on a province', () => {
  test('name without diacritics, whole province', async ({ bench }) => {
    report('name search (province)', await bench('name', () => run({ query: 'nguyen thi hoa' }, province.path)).run());
  });
  test('citizen ID, whole province', async ({ bench }) => {
    report('citizen ID search (province)', await bench('citizen id', () => run({ query: citizenId }, province.path)).run());
  });
  test('ward subtree, active official members', async ({ bench }) => {
    report('filtered ward listing', await bench('ward', () => run({ activityStatus: ['ACTIVE'], membershipKind: 'OFFICIAL' }, ward.path)).run());
  });
});
