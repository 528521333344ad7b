import { tables } from '@dangvu/drizzle';
import { demoDatabaseForFile } from '@dangvu/drizzle/testing/demo-database';
import { vietnamDay } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { memberErrors } from '../src/member/member.rules.ts';
import { registerPlaceErrors } from '../src/member/residence/register-place.rules.ts';
import { residenceCellRoute } from '../src/member/residence/residence-declaration.rules.ts';

/**
 * The demo data passes the register's own rules (docs/decisions/0004-demo-data.md): every generated member's record
 * as `memberErrors` and the place rules check a record written through the API, and every residence cell a cell
 * under a commune committee, as a declaration's confirmation needs. Seeded as `npm start` seeds it, for today.
 */
const demo = demoDatabaseForFile(1_500);

describe('the demo register', () => {
  it('has no member a record check would refuse', async () => {
    const today = vietnamDay(new Date());
    const members = await demo.handle().db.select().from(tables.members);
    expect(members.length).toBeGreaterThan(1_000);
    const refused = members.flatMap((member) =>
      [...memberErrors(member, today), ...registerPlaceErrors(member, member.orgPath)].map((error) => `${member.fullName} (${member.birthDate}, vào Đảng ${member.joinedOn}): ${error.code}`),
    );
    expect(refused).toEqual([]);
  });

  it('introduces working members to residence cells a commune committee could confirm, never their own cell', async () => {
    const kinds = new Map((await demo.handle().db.select().from(tables.organizationKinds)).map((row) => [row.orgId, row]));
    const types = new Map([...kinds].map(([id, row]) => [id, row.type]));
    const members = await demo.handle().db.select().from(tables.members);
    const introduced = members.filter((member) => member.residenceOrgId !== null);
    expect(introduced.length).toBeGreaterThan(100);
    const wrong = introduced.filter((member) => member.residenceOrgId === member.orgId || 'code' in residenceCellRoute(kinds.get(member.residenceOrgId!)?.orgPath ?? null, types));
    expect(wrong.map((member) => member.fullName)).toEqual([]);
  });
});
