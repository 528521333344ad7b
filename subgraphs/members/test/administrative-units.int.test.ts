import type { TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAdministrativeUnits, parseAdministrativeUnits } from '../src/member/residence/administrative-unit.import.ts';
import { startMembersSubgraph } from './members-subgraph.ts';

// The official annexes' shape: a province's title line without a code, names with stray spaces, a quoted name over two lines.
const PROVINCES = '01,Thành phố Hà Nội\n37,Ninh Bình\n';
const COMMUNES = [
  ', THÀNH PHỐ HÀ NỘI,,',
  '00070, Phường Hoàn Kiếm,Thành phố Hà Nội,',
  '00733,"  Xã Sà Phìn\n",Thành phố Hà Nội,',
  ', TỈNH NINH BÌNH,Tỉnh Ninh Bình,',
  '14329, Phường Hoa  Lư ,Tỉnh Ninh Bình,',
].join('\n');

describe('reading the official lists', () => {
  it('takes provinces and communes, each commune with its province by name', () => {
    const provinces = parseAdministrativeUnits(PROVINCES);
    expect(provinces).toEqual([
      { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội', provinceCode: null },
      { code: '37', level: 'PROVINCE', name: 'Tỉnh Ninh Bình', provinceCode: null },
    ]);
    expect(parseAdministrativeUnits(COMMUNES, provinces)).toEqual([
      { code: '00070', level: 'COMMUNE', name: 'Phường Hoàn Kiếm', provinceCode: '01' },
      { code: '00733', level: 'COMMUNE', name: 'Xã Sà Phìn', provinceCode: '01' },
      { code: '14329', level: 'COMMUNE', name: 'Phường Hoa Lư', provinceCode: '37' },
    ]);
  });

  it('refuses a commune of a province it does not know, and a code of neither length, naming the line', () => {
    expect(() => parseAdministrativeUnits('14329,Phường Hoa Lư,Tỉnh Ninh Bình')).toThrow('dòng 1: không rõ tỉnh "Tỉnh Ninh Bình"');
    expect(() => parseAdministrativeUnits('01,Hà Nội\n001,Quận Ba Đình,Hà Nội')).toThrow('dòng 2: mã 001');
  });
});

describe('loading them', () => {
  // The subgraph's own database, as the import script writes it.
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    ({ subgraph } = await startMembersSubgraph());
  });
  afterAll(() => subgraph?.stop());

  const inForce = async (code: string, day: string) =>
    [
      ...(await subgraph.db.db.execute<{ name: string; province_code: string | null }>(sql`
        select name, province_code from members.administrative_units
        where code = ${code} and valid_from <= ${day} and (valid_to is null or valid_to > ${day})`)),
    ];

  it('adds what the migration did not hold, leaves what it did, and dates a renamed unit', async () => {
    const provinces = parseAdministrativeUnits(PROVINCES);
    const first = await loadAdministrativeUnits(subgraph.db.db, [...provinces, ...parseAdministrativeUnits(COMMUNES, provinces)], '2025-07-01');
    // The migration holds the 34 provinces and Ninh Bình's communes: only Hà Nội's two communes are new.
    expect(first).toEqual({ added: 2, changed: 0, unchanged: 3 });
    expect(await inForce('00070', '2025-07-01')).toEqual([{ name: 'Phường Hoàn Kiếm', province_code: '01' }]);

    const renamed = await loadAdministrativeUnits(subgraph.db.db, [{ code: '00733', level: 'COMMUNE', name: 'Xã Sà Phìn Mới', provinceCode: '01' }], '2026-01-01');
    expect(renamed).toEqual({ added: 0, changed: 1, unchanged: 0 });
    expect(await inForce('00733', '2025-12-31')).toEqual([{ name: 'Xã Sà Phìn', province_code: '01' }]);
    expect(await inForce('00733', '2026-01-01')).toEqual([{ name: 'Xã Sà Phìn Mới', province_code: '01' }]);
  });
});
