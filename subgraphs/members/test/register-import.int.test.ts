import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { runJob, vietnamDay } from '@dangvu/subgraph-kit';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerUploads } from '../src/import/register-uploads.ts';
import { uploadRetention } from '../src/import/upload-retention.job.ts';
import { startMembersSubgraph } from './members-subgraph.ts';
import { receivedUpload } from './received-upload.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { province: Node; cell: Node; otherProvince: Node; admin: { id: string }; m: Record<string, { id: string }> };

const HEADER = ['Số CCCD', 'Họ và tên', 'Giới tính', 'Ngày sinh', 'Ngày vào Đảng', 'Ngày chính thức', 'Dân tộc', 'Quê quán', 'Nơi cư trú', 'Mã tổ chức'];
const HOMETOWN = 'Xã Gia Viễn, tỉnh Ninh Bình';
const rowsOf = (cell: Node) => [
  // Found by citizen ID: the residence changes (applied) and the name (an identity field, left for approval).
  ['037080111001', 'Trần Văn Bình Minh', 'Nam', '17/05/1980', '26/03/2010', '26/03/2011', 'Kinh', HOMETOWN, 'Số 5 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội', ''],
  // Found, nothing differs.
  ['001185222002', 'Lê Thị Hoa', 'Nữ', '03/02/1985', '26/03/2010', '26/03/2011', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
  // Another citizen ID, but the name without diacritics and the birth date of a member: a probable duplicate.
  ['037079333999', 'Pham Minh Tuan', 'Nam', '09/09/1979', '26/03/2010', '26/03/2011', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
  // Nobody like this: new, to the cell named.
  ['037190444004', 'Vũ Thị Lan', 'Nữ', '01/01/1990', '2020-06-15', '', 'Tày', 'Xã Yên Bình, tỉnh Thái Nguyên', 'Tổ 3, phường Phan Đình Phùng, Thái Nguyên', cell.id],
];
const csvOf = (rows: string[][]) => Buffer.from(`\uFEFF${[HEADER, ...rows].map((row) => row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',')).join('\r\n')}\r\n`);

const received = (bytes: Buffer, type: 'CSV' | 'XLSX', ownerId = t.admin.id, orgPath = t.province.path) =>
  receivedUpload(subgraph.db.db, bytes, { purpose: 'REGISTER_IMPORT', type, ownerId, orgPath });

const admin = () => personWith(t.admin.id, 'ADMIN', t.province.path);
const START = `mutation ($input: StartRegisterImportInput!) { startRegisterImport(input: $input) {
  registerImport { id status totalRows } rowErrors { rowNumber errors { code field } } userErrors { code field message } } }`;
const READ = `query ($id: ID!) { registerImport(id: $id) { id status totalRows processedRows
  counts { newRows changed unchanged missing duplicates invalid applied }
  rows { rowNumber kind citizenId fullName member { id } changes { field before after identity } errors { code } applied } } }`;
const APPLY = `mutation ($input: ApplyRegisterImportInput!) { applyRegisterImport(input: $input) {
  registerImport { status counts { applied } } appliedRows userErrors { code } } }`;

async function analysed(id: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { data, errors } = await subgraph.call(READ, { id }, admin());
    expect(errors).toBeUndefined();
    if (data!.registerImport.status !== 'ANALYSING') return data!.registerImport;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('analysis did not finish');
}

const member = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;

beforeAll(async () => {
  // The analysis job holds a lock on one connection while its steps run on another.
  ({ subgraph } = await startMembersSubgraph({ connections: 3 }));
  const { db } = subgraph.db;
  t.province = await buildOrganization(db);
  t.cell = await buildOrganization(db, { parent: t.province });
  t.otherProvince = await buildOrganization(db);
  t.admin = await buildMember(db, t.cell, { citizenId: '037080111000' });
  t.m = {
    binh: await buildMember(db, t.cell, { fullName: 'Trần Văn Bình', citizenId: '037080111001' }),
    hoa: await buildMember(db, t.cell, { fullName: 'Lê Thị Hoa', gender: 'FEMALE', birthDate: '1985-02-03', citizenId: '001185222002' }),
    tuan: await buildMember(db, t.cell, { fullName: 'Phạm Minh Tuấn', birthDate: '1979-09-09', citizenId: '037079333003' }),
    khanh: await buildMember(db, t.cell, { fullName: 'Đỗ Văn Khánh', citizenId: '037080555005' }),
  };
});
afterAll(() => subgraph?.stop());

describe('register import from the central member database', () => {
  let importId: string;

  it('shows a CSV as a diff: changed field by field, unchanged, probable duplicate, new and missing, changing nothing', async () => {
    const { data, errors } = await subgraph.call(START, { input: { uploadId: await received(csvOf(rowsOf(t.cell)), 'CSV') } }, admin());
    expect(errors).toBeUndefined();
    expect(data!.startRegisterImport).toMatchObject({ registerImport: { status: 'ANALYSING', totalRows: 4 }, rowErrors: [], userErrors: [] });
    importId = data!.startRegisterImport.registerImport.id;
    const result = await analysed(importId);
    expect(result).toMatchObject({ status: 'READY', processedRows: 4, counts: { newRows: 1, changed: 1, unchanged: 1, missing: 2, duplicates: 1, invalid: 0, applied: 0 } });
    const byNumber = Object.fromEntries(result.rows.map((row: { rowNumber: number }) => [row.rowNumber, row]));
    expect(byNumber[2]).toMatchObject({
      kind: 'CHANGED',
      member: { id: t.m.binh!.id },
      changes: [
        { field: 'fullName', before: 'Trần Văn Bình', after: 'Trần Văn Bình Minh', identity: true },
        { field: 'residenceAddress', before: 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', after: 'Số 5 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội', identity: false },
      ],
    });
    expect(byNumber[3]).toMatchObject({ kind: 'UNCHANGED', member: { id: t.m.hoa!.id }, changes: [] });
    expect(byNumber[4]).toMatchObject({ kind: 'DUPLICATE', member: { id: t.m.tuan!.id }, errors: [{ code: 'PROBABLE_DUPLICATE' }] });
    expect(byNumber[5]).toMatchObject({ kind: 'NEW', member: null, fullName: 'Vũ Thị Lan' });
    // The admin and Khánh are in the register and not in the file.
    expect(result.rows.filter((row: { kind: string }) => row.kind === 'MISSING').map((row: { member: { id: string } }) => row.member.id).sort()).toEqual(
      [t.admin.id, t.m.khanh!.id].sort(),
    );
    expect((await member(t.m.binh!.id)).residenceAddress).toBe('Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình');
    const viewed = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, importId), eq(tables.auditEntries.action, 'registerImport.rowsViewed')));
    expect(viewed.length).toBeGreaterThan(0);
  });

  it('applies an approved row alone, in one transaction with its audit entry, and leaves the identity change for approval', async () => {
    const { data } = await subgraph.call(APPLY, { input: { importId, rowNumbers: [2] } }, admin());
    expect(data!.applyRegisterImport).toEqual({ registerImport: { status: 'READY', counts: { applied: 1 } }, appliedRows: 1, userErrors: [] });
    const binh = await member(t.m.binh!.id);
    expect(binh).toMatchObject({ residenceAddress: 'Số 5 phố Tràng Tiền, phường Hoàn Kiếm, Hà Nội', fullName: 'Trần Văn Bình', version: 2 });
    const [entry] = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, binh.id), eq(tables.auditEntries.action, 'member.updatedByImport')));
    expect(entry).toMatchObject({ actorId: t.admin.id, before: { residenceAddress: 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình' }, after: { residenceAddress: binh.residenceAddress, rowNumber: 2 } });
    expect(await subgraph.db.db.select().from(tables.members).where(eq(tables.members.citizenId, '037190444004'))).toEqual([]);
    // The name goes to the dossier's committee as an identity-edit proposal by the administrator (docs/rules/register-import.md#identity-fields).
    const proposals = await subgraph.db.db.select().from(tables.identityEdits).where(eq(tables.identityEdits.memberId, binh.id));
    expect(proposals).toEqual([
      expect.objectContaining({ state: 'PROPOSED', proposedBy: t.admin.id, before: { fullName: 'Trần Văn Bình' }, after: { fullName: 'Trần Văn Bình Minh' }, reason: expect.stringContaining('dòng 2') }),
    ]);
    const proposed = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, proposals[0]!.id), eq(tables.auditEntries.action, 'member.identityEdit.propose')));
    expect(proposed).toHaveLength(1);
  });

  it('applies all the rest once, however many identical requests arrive together', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => subgraph.call(APPLY, { input: { importId, all: true } }, admin())));
    const applied = answers.map((answer) => answer.data!.applyRegisterImport.appliedRows as number);
    expect(applied.reduce((sum, n) => sum + n, 0)).toBe(1);
    const lan = await subgraph.db.db.select().from(tables.members).where(eq(tables.members.citizenId, '037190444004'));
    expect(lan).toHaveLength(1);
    expect(lan[0]).toMatchObject({ fullName: 'Vũ Thị Lan', orgId: t.cell.id, orgPath: t.cell.path, membershipKind: 'PROBATIONARY', joinedOn: '2020-06-15' });
    const result = await analysed(importId);
    expect(result.status).toBe('APPLIED');
    // The duplicate and the missing members are shown, never applied.
    expect((await member(t.m.khanh!.id)).activityStatus).toBe('ACTIVE');
  });

  it('reads a workbook to the same diff', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đảng viên');
    sheet.addRow(HEADER);
    for (const row of rowsOf(t.cell)) sheet.addRow(row.map((cell, i) => (i === 3 && /\d\d\/\d\d\/\d{4}/.test(cell) ? new Date(Date.UTC(+cell.slice(6), +cell.slice(3, 5) - 1, +cell.slice(0, 2))) : cell)));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { data } = await subgraph.call(START, { input: { uploadId: await received(bytes, 'XLSX') } }, admin());
    const result = await analysed(data!.startRegisterImport.registerImport.id);
    // Bình's residence is applied already; Lan is now in the register, so her row is unchanged.
    expect(result.counts).toMatchObject({ newRows: 0, changed: 1, unchanged: 2, duplicates: 1, invalid: 0 });
  });

  it('refuses a malformed file whole with each row’s errors, and changes nothing', async () => {
    const bad = [
      ['037080111001', '', 'Nam', '17/05/1980', '26/03/2010', '', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
      ['037080777007', 'Ngô Văn Tám', 'Nam', '31/02/1980', '26/03/2010', '', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
      ['037180888008', 'Ngô Văn Chín', 'Nam', '01/01/1980', '26/03/2010', '', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
      ['037080999009', 'Ngô Văn Mười', 'Nam', '01/01/1980', '26/03/2010', '01/06/2010', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
      ['001185222002', 'Lê Thị Hoa', 'Nữ', '03/02/1985', '26/03/2010', '26/03/2011', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
      ['03708099', 'Ngô Văn Một', 'Nam', '01/01/1980', '2099-01-01', '', 'Kinh', HOMETOWN, 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình', ''],
    ];
    const before = await subgraph.db.db.select().from(tables.members);
    const { data } = await subgraph.call(START, { input: { uploadId: await received(csvOf([...rowsOf(t.cell), ...bad]), 'CSV') } }, admin());
    const payload = data!.startRegisterImport;
    expect(payload.registerImport.status).toBe('REFUSED');
    expect(payload.userErrors).toEqual([{ code: 'INVALID_ROWS', field: 'uploadId', message: 'Tệp có 6 dòng sai: sổ đảng viên không thay đổi. Đồng chí sửa các dòng được liệt kê rồi tải lại.' }]);
    expect(payload.rowErrors.map((row: { rowNumber: number; errors: { code: string; field: string }[] }) => [row.rowNumber, row.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [6, ['fullName:MISSING_FIELD']],
      [7, ['birthDate:INVALID_DATE']],
      [8, ['citizenId:CITIZEN_ID_MISMATCH']],
      [9, ['officialOn:PROBATION_TOO_SHORT']],
      [10, ['citizenId:DUPLICATE_IN_FILE']],
      [11, ['joinedOn:DATE_IN_FUTURE', 'citizenId:INVALID_CITIZEN_ID']],
    ]);
    const apply = await subgraph.call(APPLY, { input: { importId: payload.registerImport.id, all: true } }, admin());
    expect(apply.data!.applyRegisterImport.userErrors).toEqual([{ code: 'IMPORT_NOT_READY' }]);
    expect(await subgraph.db.db.select().from(tables.members)).toEqual(before);
  });

  it('refuses a file without a required column, naming it', async () => {
    const bytes = Buffer.from('Họ và tên,Ngày sinh\nLê Văn A,01/01/1980\n');
    const { data } = await subgraph.call(START, { input: { uploadId: await received(bytes, 'CSV') } }, admin());
    expect(data!.startRegisterImport.userErrors.map((e: { code: string; field: string }) => `${e.field}:${e.code}`)).toEqual([
      'citizenId:MISSING_COLUMN',
      'gender:MISSING_COLUMN',
      'joinedOn:MISSING_COLUMN',
    ]);
  });

  it('uses an upload once, only the caller’s own, and only for an administrator over its subtree', async () => {
    const uploadId = await received(csvOf(rowsOf(t.cell)), 'CSV');
    const stranger = await subgraph.call(START, { input: { uploadId } }, personWith(t.m.hoa!.id, 'ADMIN', t.province.path));
    expect(stranger.data!.startRegisterImport.userErrors).toMatchObject([{ code: 'UPLOAD_NOT_FOUND' }]);
    const outside = await subgraph.call(START, { input: { uploadId } }, personWith(t.admin.id, 'ADMIN', t.otherProvince.path));
    expect(outside.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const secretary = await subgraph.call(START, { input: { uploadId } }, personWith(t.admin.id, 'SECRETARY', t.province.path));
    expect(secretary.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const started = await subgraph.call(START, { input: { uploadId } }, admin());
    expect(started.data!.startRegisterImport.userErrors).toEqual([]);
    await analysed(started.data!.startRegisterImport.registerImport.id);
    expect((await subgraph.call(START, { input: { uploadId } }, admin())).data!.startRegisterImport.userErrors).toMatchObject([{ code: 'UPLOAD_USED' }]);
    const read = await subgraph.call(READ, { id: importId }, personWith(t.admin.id, 'ADMIN', t.otherProvince.path));
    expect(read.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const uploadsLeft = await subgraph.db.db.select().from(tables.memberUploads).where(inArray(tables.memberUploads.id, [uploadId]));
    expect(uploadsLeft[0]!.status).toBe('CONSUMED');
  });

  it('deletes uploads never sent within their hour, each deletion audited, and leaves received ones', async () => {
    const repository = registerUploads.repository(subgraph.db.db);
    const stale = await repository.create({
      purpose: 'REGISTER_IMPORT',
      ownerId: t.admin.id,
      orgId: t.province.id,
      orgPath: t.province.path,
      fileName: 'bo-do.csv',
      declaredBytes: 10,
      declaredSha256: '0'.repeat(64),
      expiresAt: new Date(Date.now() - 3_600_000),
    });
    const kept = await received(Buffer.from('a,b\n'), 'CSV');
    const tomorrow = vietnamDay(new Date(Date.now() + 86_400_000));
    expect(await runJob(subgraph.db, uploadRetention, { day: tomorrow })).toMatchObject({ status: 'done' });
    expect(await repository.byId(stale.id)).toBeNull();
    expect(await repository.byId(kept)).not.toBeNull();
    const [entry] = await subgraph.db.db.select().from(tables.auditEntries).where(and(eq(tables.auditEntries.entityId, stale.id), eq(tables.auditEntries.action, 'upload.deleted')));
    expect(entry).toMatchObject({ actorId: null, after: { reason: 'EXPIRED' } });
  });
});
