import { tables } from '@dangvu/drizzle';
import { demoDatabaseForFile } from '@dangvu/drizzle/testing/demo-database';
import { vietnamDay } from '@dangvu/subgraph-kit';
import { describe, expect, it } from 'vitest';
import { memberErrors } from '../src/member/member.rules.ts';
import { quoteDues } from '@dangvu/subgraph-dues/rates';
import { sql } from 'drizzle-orm';
import { administrativeUnitErrors, registerPlaceErrors } from '../src/member/residence/register-place.rules.ts';
import { administrativeUnitRepository } from '../src/member/residence/administrative-unit.repository.ts';
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

  it('gives every member residence codes the list of administrative units holds, of the province and its commune', async () => {
    const today = vietnamDay(new Date());
    const members = await demo.handle().db.select().from(tables.members);
    const codes = [...new Set(members.flatMap((m) => [m.residenceProvinceCode, m.residenceCommuneCode]).filter((code): code is string => code !== null))];
    const listed = await administrativeUnitRepository(demo.handle().db).inForce(codes, today);
    expect(members.every((m) => m.residenceProvinceCode === '37' && m.residenceCommuneCode !== null)).toBe(true);
    const refused = members.flatMap((m) => administrativeUnitErrors(m, listed).map((e) => `${m.fullName}: ${e.code}`));
    expect(refused).toEqual([]);
  });

  it('charges each month of dues at the rates of that month: before 02/2026 the 2010 rates, from then the 2026 ones', async () => {
    const rows = await demo.handle().db.execute<{
      category: string; basis: number | null; birthDate: string; sex: 'MALE' | 'FEMALE'; region: string; period: string; amount: number; status: string;
    }>(sql`
      select m.dues_category as category, m.dues_basis as basis, m.birth_date::text as "birthDate", m.gender as sex, w.region,
             o.period::text as period, o.amount, o.status
      from dues.obligations o join members.members m on m.id = o.member_id join dues.org_wage_regions w on w.org_id = o.org_id`);
    const charged = rows.filter((row) => row.status !== 'WAIVED');
    expect(charged.length).toBeGreaterThan(10_000);
    const quoted = (row: (typeof charged)[number], localityClass: Parameters<typeof quoteDues>[0]['localityClass']) => {
      const result = quoteDues({
        category: row.category as never, basis: row.basis === null ? null : BigInt(row.basis), wageRegion: row.region as never,
        localityClass, birthDate: row.birthDate, sex: row.sex, month: row.period.slice(0, 7),
      });
      return result.ok ? Number(result.quote.amount) : null;
    };
    // The 2010 rates for members without income depend on the area: a ward's urban, a commune's other.
    const wrong = charged.filter((row) => ![quoted(row, 'PROVINCIAL_URBAN'), quoted(row, 'OTHER')].includes(Number(row.amount)));
    expect(wrong.slice(0, 5)).toEqual([]);
    // Students show the switch plainly (3,000 đ, then 5,000 đ); the twelve months seeded reach back before 02/2026 until the end of 2026.
    const students = (old: boolean) => [...new Set(charged.filter((row) => row.category === 'STUDENT' && row.period < '2026-02-01' === old).map((row) => Number(row.amount)))];
    expect(students(true)).toEqual(charged.some((row) => row.period < '2026-02-01') ? [3_000] : []);
    expect(students(false)).toEqual([5_000]);
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
