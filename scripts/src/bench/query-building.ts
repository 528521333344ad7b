import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { tables } from '@dangvu/drizzle';

/**
 * What drizzle spends building the hot batch reads anew on every call, as the repositories did before they
 * were built once (`.prepare`): CPU per build of each, in this process, no database (the client never
 * connects). A prepared statement only fills its placeholders at execution.
 *
 *   node scripts/src/bench/query-building.ts --keys 30
 */
const keys = Number(process.argv[process.argv.indexOf('--keys') + 1] || 30);
const db = drizzle({ client: postgres('postgres://unused@127.0.0.1:1/none') });
const { members, roleGrants, obligations, transfers, organizations } = tables;
const ids = Array.from({ length: keys }, () => randomUUID());

const builds: Record<string, () => unknown> = {
  'members in organizations': () =>
    db.select().from(members).where(inArray(members.orgId, ids)).orderBy(sql`${members.rosterNumber} nulls last`, sql`${members.fullName} collate members.vi_vn`, asc(members.id)).toSQL(),
  'officers of': () =>
    db
      .select({ orgId: roleGrants.orgId, role: roleGrants.role, fullName: members.fullName })
      .from(roleGrants)
      .innerJoin(members, eq(members.id, roleGrants.memberId))
      .where(and(inArray(roleGrants.orgId, ids), inArray(roleGrants.role, ['SECRETARY', 'DEPUTY_SECRETARY', 'FINANCE_MEMBER'])))
      .orderBy(asc(roleGrants.role), asc(members.fullName))
      .toSQL(),
  'dues obligations since': () =>
    db.select({ memberId: obligations.memberId, period: obligations.period, status: obligations.status }).from(obligations).where(and(inArray(obligations.memberId, ids), gte(obligations.period, '2026-01-01'))).toSQL(),
  'transfers of members': () => db.select().from(transfers).where(inArray(transfers.memberId, ids)).orderBy(desc(transfers.createdAt)).toSQL(),
  'organizations by ids': () => db.select().from(organizations).where(inArray(organizations.id, ids)).toSQL(),
};

console.log(`| query (${keys} keys) | µs of CPU per build |`);
console.log('|---|---|');
for (const [name, build] of Object.entries(builds)) {
  for (let i = 0; i < 2000; i++) build(); // warm-up: JIT
  const runs = 20_000;
  const before = process.cpuUsage();
  for (let i = 0; i < runs; i++) build();
  const used = process.cpuUsage(before);
  console.log(`| ${name} | ${((used.user + used.system) / runs).toFixed(1)} |`);
}
