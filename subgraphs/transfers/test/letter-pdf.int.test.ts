import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { create } from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter } from '@dangvu/subgraph-kit/printing';
import { transfersSubgraph } from '../src/server.ts';
import { readPdf } from '@dangvu/subgraph-kit/testing';
import { decodeQr, modulesOf } from './qr-reader.ts';
import { clock, person, transferClient, tree, type MemberFacts, type TransferClient } from './transfer-fixtures.ts';

const t = tree();
const time = clock('2026-03-02T02:00:00Z');
const printer = chromiumPrinter();
let subgraph: TestSubgraph;
let client: TransferClient;

const member: MemberFacts = { id: randomUUID(), fullName: 'Nguyễn Thị Hòa', cell: t.cell };
const self = person(undefined, undefined, member.id);
const cellSecretary = person('SECRETARY', t.cell);
const communeSecretary = person('SECRETARY', t.commune);
const receiving = person('DEPUTY_SECRETARY', t.otherCommune);
let transferId: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', (db) => transfersSubgraph(db, { now: time.now, printer, publicOrigin: 'https://dangvu.example.vn' }));
  client = transferClient(subgraph);
  const started = await client.mutate(
    'startTransfer',
    {
      kind: 'OFFICIAL',
      memberVoucher: await client.memberVoucher(member, self),
      destinationVoucher: await client.organizationVoucher(t.otherCell, self),
      reason: 'Thay đổi nơi cư trú lâu dài',
      decisionReference: 'Quyết định 125/QĐ-UBND ngày 20/02/2026',
      effectiveOn: '2026-02-20',
      selfReview: 'Tôi luôn giữ gìn phẩm chất đạo đức.',
    },
    self,
  );
  transferId = started.payload!.transfer!.id;
  await client.mutate('submitTransfer', { transferId, expectedVersion: 1 }, self);
  await client.mutate('reviewTransfer', { transferId, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Nhất trí' }, cellSecretary);
  const issued = await client.mutate('issueTransferLetter', { transferId, expectedVersion: 3, letterVoucher: await client.letterVoucher(member, communeSecretary) }, communeSecretary);
  expect(issued.payload!.userErrors).toEqual([]);
}, 120_000);
afterAll(async () => {
  await printer.close();
  await subgraph?.stop();
});

const LETTER = 'query ($id: ID!) { transfer(id: $id) { code letter { number link pdf } } }';

describe('the introduction letter as a PDF', () => {
  let pdf: Buffer;
  let link: string;
  let code: string;
  let number: string;

  beforeAll(async () => {
    const { data, errors } = await client.query(LETTER, { id: transferId }, communeSecretary);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    ({ link, number } = data!.transfer.letter);
    code = data!.transfer.code;
    pdf = Buffer.from(data!.transfer.letter.pdf, 'base64');
  }, 120_000);

  it('is a PDF that embeds Open Sans, so its Vietnamese does not depend on the machine that prints it', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { fonts } = readPdf(pdf);
    expect(fonts.some((font) => /OpenSans/.test(font))).toBe(true);
  });

  it('reads, with every diacritic, the fields of the 10-box letter', () => {
    const text = readPdf(pdf).text.replace(/\s+/g, '');
    const has = (phrase: string) => expect(text).toContain(phrase.replace(/\s+/g, ''));
    has('GIẤY GIỚI THIỆU SINH HOẠT ĐẢNG CHÍNH THỨC');
    has('ĐẢNG BỘ XÃ YÊN THÀNH');
    has(`Số: ${number}`);
    has('Nguyễn Thị Hòa');
    has('Sinh ngày: 12/04/1985');
    has('Thẻ đảng viên số: 52.012345');
    has('Số lý lịch: 012345-NB');
    has('Số danh sách: 7');
    has('Hiện sinh hoạt tại: Chi bộ thôn Đông');
    has('Kính gửi: Chi bộ tổ dân phố 3');
    has('Đã đóng đảng phí hết tháng: 02/2026');
    // Deadline B: 30 working days from Monday 02/03/2026.
    has('Giấy có giá trị đến hết: 13/04/2026');
    has(`Mã hồ sơ: ${code}`);
    has('Ô 10');
  });

  it('carries a QR code that opens the dossier’s page for this letter', () => {
    const images = readPdf(pdf).images;
    const decoded = images.map((image) => {
      try {
        return decodeQr(modulesOf(image));
      } catch {
        return null;
      }
    });
    expect(decoded).toContain(link);
    expect(link).toBe(`https://dangvu.example.vn/chuyen-sinh-hoat/ma/${encodeURIComponent(code)}?giay=${encodeURIComponent(number)}`);
  });

  it('records the handover when the receiving side scans it, from what the code carries', async () => {
    const url = new URL(link);
    const scanned = await client.mutate(
      'recordTransferHandover',
      { code: decodeURIComponent(url.pathname.split('/').at(-1)!), letterNumber: url.searchParams.get('giay'), place: 'Văn phòng Đảng ủy phường Ninh Phong' },
      receiving,
      'timeline { action note actor { id } }',
    );
    expect(scanned.payload!.userErrors).toEqual([]);
    expect(scanned.payload!.transfer!.timeline.at(-1)).toEqual({ action: 'HANDOVER', note: 'Bàn giao tại Văn phòng Đảng ủy phường Ninh Phong', actor: { id: receiving.personId } });
  });
});

describe('the QR reader of these tests', () => {
  it('reads back what the qrcode package encodes, across versions and segment modes', () => {
    for (const text of ['https://dangvu.example.vn/chuyen-sinh-hoat/ma/T.1.5-2026-0001?giay=01-GGT%2FT.1%2F2026', 'HS 0042', '1234567890', 'Nguyễn Thị Hòa']) {
      const { modules } = create(text, { errorCorrectionLevel: 'M' });
      const matrix = Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => Boolean(modules.get(row, col))));
      expect(decodeQr(matrix)).toBe(text);
    }
  });
});
