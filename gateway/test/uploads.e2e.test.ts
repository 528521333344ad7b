import { createHash } from 'node:crypto';
import { createDb, tables, type DbHandle } from '@dangvu/drizzle';
import { signAccessToken, type Identity } from '@dangvu/subgraph-kit';
import { zipOf } from '@dangvu/subgraph-kit/testing';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { post } from './http-helpers.ts';

/**
 * File uploads through the gateway's own route (docs/decisions/0006-file-upload.md): the start mutation, the
 * bytes by PUT with their own limit, and the members subgraph's checks of owner, size, hash and type.
 */
let platform: TestPlatform;
let handle: DbHandle;
let admin: Identity;
let otherAdmin: Identity;
let secretary: Identity;
let communeId: string;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const bearer = async (identity: Identity) => ({ authorization: `Bearer ${await signAccessToken(identity, platform.authSigningKey)}` });
const uploadUrl = (path: string) => new URL(path, platform.gatewayUrl);

const START = `mutation ($input: StartRegisterFileUploadInput!) {
  startRegisterFileUpload(input: $input) { upload { id url status maxBytes byteSize } userErrors { code field message } }
}`;

async function start(identity: Identity, bytes: Buffer, overrides: Record<string, unknown> = {}) {
  const { body } = await post(
    platform,
    { query: START, variables: { input: { purpose: 'REGISTER_IMPORT', organizationId: communeId, fileName: 'dang-vien.csv', byteSize: bytes.length, sha256: sha256(bytes), ...overrides } } },
    await bearer(identity),
  );
  return body as any;
}

async function put(url: string, bytes: Buffer, headers: Record<string, string>) {
  const response = await fetch(uploadUrl(url), { method: 'PUT', headers: { 'content-type': 'application/octet-stream', ...headers }, body: bytes });
  return { status: response.status, body: (await response.json()) as any };
}

const CSV = Buffer.from('\uFEFFho_ten,so_cccd\nNguyễn Văn A,001085012345\n', 'utf8');

beforeAll(async () => {
  platform = await startTestPlatform();
  handle = createDb(platform.databaseUrl, { max: 2 });
  const [grant] = await handle.db
    .select()
    .from(tables.roleGrants)
    .where(and(eq(tables.roleGrants.role, 'ADMIN'), isNull(tables.roleGrants.endsOn)));
  communeId = grant!.orgId;
  admin = { personId: grant!.memberId, grants: [{ role: 'ADMIN', orgId: grant!.orgId, orgPath: grant!.orgPath }], partner: null };
  const [someone] = await handle.db.select().from(tables.members).where(eq(tables.members.orgPath, grant!.orgPath)).limit(1);
  const others = await handle.db.select().from(tables.members).limit(3);
  const other = others.find((member) => member.id !== admin.personId)!;
  otherAdmin = { personId: other.id, grants: admin.grants, partner: null };
  secretary = { personId: (someone ?? other).id, grants: [{ role: 'SECRETARY', orgId: grant!.orgId, orgPath: grant!.orgPath }], partner: null };
}, 120_000);

afterAll(async () => {
  await handle?.close();
  await platform?.stop();
});

describe('register file uploads through the gateway', () => {
  it('takes a CSV from an administrator over the organization, checked by its bytes, and records it in the audit trail', async () => {
    const started = await start(admin, CSV);
    expect(started.data.startRegisterFileUpload.userErrors).toEqual([]);
    const upload = started.data.startRegisterFileUpload.upload;
    expect(upload).toMatchObject({ status: 'PENDING', url: `/uploads/members/${upload.id}`, maxBytes: 50 * 1024 * 1024, byteSize: CSV.length });
    const sent = await put(upload.url, CSV, await bearer(admin));
    expect(sent).toEqual({ status: 200, body: { upload: { id: upload.id, status: 'RECEIVED', detectedType: 'CSV', byteSize: CSV.length } } });
    const [row] = await handle.db.select().from(tables.memberUploads).where(eq(tables.memberUploads.id, upload.id));
    expect(row).toMatchObject({ status: 'RECEIVED', detectedType: 'CSV', receivedBytes: CSV.length });
    const entries = await handle.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.entityId, upload.id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(['upload.received', 'upload.started']);
    // The same bytes a second time: the upload is no longer open.
    expect((await put(upload.url, CSV, await bearer(admin))).body.errors[0].extensions.code).toBe('UPLOAD_CLOSED');
  });

  it('refuses to start a file larger than the purpose allows, with the limit in Vietnamese', async () => {
    const started = await start(admin, CSV, { byteSize: 50 * 1024 * 1024 + 1 });
    expect(started.data.startRegisterFileUpload.upload).toBeNull();
    expect(started.data.startRegisterFileUpload.userErrors).toEqual([{ code: 'FILE_TOO_LARGE', field: 'byteSize', message: 'Tệp quá lớn: tối đa 50 MB cho loại tệp này.' }]);
  });

  it('lets only an administrator over the organization start one: a secretary there is refused', async () => {
    const started = await start(secretary, CSV);
    expect(started.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a body declared over the route limit with 413 before reading it', async () => {
    const started = await start(admin, CSV);
    const response = await fetch(uploadUrl(started.data.startRegisterFileUpload.upload.url), {
      method: 'PUT',
      headers: { ...(await bearer(admin)), 'content-type': 'application/octet-stream', 'content-length': String(51 * 1024 * 1024) },
      body: CSV,
    }).catch((error: unknown) => error);
    // The gateway answers before the body: fetch either reads the 413 or sees the socket closed under it.
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(((await response.json()) as any).errors[0].message).toBe('Tệp quá lớn (tối đa 50 MB).');
    } else {
      expect(response).toBeInstanceOf(Error);
    }
    const [row] = await handle.db.select().from(tables.memberUploads).where(eq(tables.memberUploads.id, started.data.startRegisterFileUpload.upload.id));
    expect(row!.status).toBe('PENDING');
  });

  it('refuses bytes larger than declared, and bytes that hash to something else', async () => {
    const started = await start(admin, CSV);
    const url = started.data.startRegisterFileUpload.upload.url;
    const longer = Buffer.concat([CSV, Buffer.from('x')]);
    expect((await put(url, longer, await bearer(admin))).body.errors[0].extensions.code).toBe('SIZE_MISMATCH');
    const altered = Buffer.from(CSV);
    altered[altered.length - 2] = 0x36;
    const refused = await put(url, altered, await bearer(admin));
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ extensions: { code: 'UPLOAD_REFUSED' }, message: expect.stringContaining('SHA-256 không khớp') });
  });

  it('refuses a file of the wrong type, told by its bytes whatever its name: a PDF named .csv, an old .xls', async () => {
    for (const [bytes, message] of [
      [Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'Tệp là PDF, nhưng ở đây chỉ nhận CSV, Excel (.xlsx).'],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]), 'Tệp Excel đời cũ (.xls) không được nhận: đồng chí mở tệp và lưu lại thành .xlsx.'],
    ] as const) {
      const started = await start(admin, bytes);
      const refused = await put(started.data.startRegisterFileUpload.upload.url, bytes, await bearer(admin));
      expect(refused).toMatchObject({ status: 422, body: { errors: [{ message, extensions: { code: 'UPLOAD_REFUSED' } }] } });
      const [row] = await handle.db.select().from(tables.memberUploads).where(eq(tables.memberUploads.id, started.data.startRegisterFileUpload.upload.id));
      expect(row).toMatchObject({ status: 'REFUSED', refusal: message });
    }
  });

  it('refuses a zip bomb dressed as a workbook', async () => {
    const bomb = zipOf([
      ['[Content_Types].xml', Buffer.from('<Types/>')],
      ['xl/workbook.xml', Buffer.from('<workbook/>')],
      ['xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024, 0x20)],
    ]);
    const started = await start(admin, bomb, { fileName: 'dang-vien.xlsx' });
    const refused = await put(started.data.startRegisterFileUpload.upload.url, bomb, await bearer(admin));
    expect(refused.body.errors[0].message).toContain('bom nén');
    expect(await handle.db.$count(tables.memberUploadChunks, eq(tables.memberUploadChunks.uploadId, started.data.startRegisterFileUpload.upload.id))).toBe(0);
  });

  it('refuses an EXE renamed .csv and a truncated workbook, in Vietnamese, keeping none of their bytes, and no import can use them', async () => {
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(256), Buffer.from('This program cannot be run in DOS mode.')]);
    const workbook = zipOf([
      ['[Content_Types].xml', Buffer.from('<Types/>')],
      ['xl/workbook.xml', Buffer.from('<workbook/>')],
      ['xl/worksheets/sheet1.xml', Buffer.from(`<worksheet><sheetData>${'<row><c t="inlineStr"><is><t>Nguyễn Văn A</t></is></c></row>'.repeat(200)}</sheetData></worksheet>`)],
    ]);
    for (const [bytes, fileName, message] of [
      [exe, 'dang-vien.csv', 'Tệp không phải văn bản UTF-8: đồng chí lưu tệp CSV với bảng mã UTF-8.'],
      [workbook.subarray(0, Math.floor(workbook.length * 0.6)), 'dang-vien.xlsx', 'Tệp bảng tính bị cắt cụt hoặc hỏng: đồng chí vui lòng xuất lại tệp và tải lên lần nữa.'],
    ] as const) {
      const started = await start(admin, bytes, { fileName });
      const id = started.data.startRegisterFileUpload.upload.id;
      const refused = await put(started.data.startRegisterFileUpload.upload.url, bytes, await bearer(admin));
      expect(refused).toMatchObject({ status: 422, body: { errors: [{ message, extensions: { code: 'UPLOAD_REFUSED' } }] } });
      const [row] = await handle.db.select().from(tables.memberUploads).where(eq(tables.memberUploads.id, id));
      expect(row).toMatchObject({ status: 'REFUSED', refusal: message });
      expect(await handle.db.$count(tables.memberUploadChunks, eq(tables.memberUploadChunks.uploadId, id))).toBe(0);
      const imported = await post(platform, { query: 'mutation ($id: ID!) { startRegisterImport(input: { uploadId: $id }) { registerImport { id } userErrors { code message } } }', variables: { id } }, await bearer(admin));
      expect(imported.body.data!.startRegisterImport).toEqual({ registerImport: null, userErrors: [{ code: 'UPLOAD_REFUSED', message }] });
    }
    expect(await handle.db.$count(tables.registerImports)).toBe(0);
  });

  it('refuses a PUT without a token, and with another person’s upload id', async () => {
    const started = await start(admin, CSV);
    const url = started.data.startRegisterFileUpload.upload.url;
    const anonymous = await put(url, CSV, {});
    expect(anonymous).toMatchObject({ status: 401, body: { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] } });
    const stranger = await put(url, CSV, await bearer(otherAdmin));
    expect(stranger).toMatchObject({ status: 404, body: { errors: [{ extensions: { code: 'NOT_FOUND' } }] } });
    // Still the owner's to send.
    expect((await put(url, CSV, await bearer(admin))).status).toBe(200);
  });

  it('answers 404 for an address that names no subgraph or no upload id', async () => {
    expect((await put('/uploads/ledger/3f1c2a52-5d0e-4c8a-9a57-1f0d3c2b4a10', CSV, await bearer(admin))).status).toBe(404);
    expect((await put('/uploads/members/not-an-id', CSV, await bearer(admin))).status).toBe(404);
  });

  it('refuses a subgraph upload call that did not come through the gateway', async () => {
    const started = await start(admin, CSV);
    const response = await fetch(new URL(`/uploads/${started.data.startRegisterFileUpload.upload.id}`, platform.subgraphUrls.members), {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: CSV,
    });
    expect(response.status).toBe(401);
  });
});
