import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import type { Identity } from '@dangvu/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersSubgraph } from '../src/server.ts';
import { clock, person, transferClient, tree, type MemberFacts, type TransferClient } from './transfer-fixtures.ts';

const t = tree();
const time = clock('2026-03-02T02:00:00Z');
let subgraph: TestSubgraph;
let client: TransferClient;

const cellSecretary = person('SECRETARY', t.cell);
const communeSecretary = person('SECRETARY', t.commune);
const hostSecretary = person('SECRETARY', t.otherCell);
const hostCommune = person('SECRETARY', t.otherCommune);

beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', (db) => transfersSubgraph(db, { now: time.now, printer: { print: async () => Buffer.from('%PDF'), close: async () => {} } }));
  client = transferClient(subgraph);
});
afterAll(() => subgraph?.stop());

const newMember = (cell = t.cell): [MemberFacts, Identity] => {
  const facts = { id: randomUUID(), fullName: 'Bùi Thị Ngọc', cell };
  return [facts, person(undefined, undefined, facts.id)];
};

const READ = `query ($id: ID!) { transfer(id: $id) { state version endsOn nextDeadline { kind dueOn overdue } availableActions destination { inSystem name address organization { id } }
  letter { number voidedNumbers } timeline { action note actor { id } } } }`;
const read = async (id: string, as: Identity) => {
  const { data, errors } = await client.query(READ, { id }, as);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!.transfer;
};
const events = (topic: string, memberId: string) =>
  subgraph.db.db.select().from(tables.outboxEvents).where(sql`${tables.outboxEvents.topic} = ${topic} and ${tables.outboxEvents.aggregateId} = ${memberId}`);

/** Takes a started dossier up to the letter handed over: submit, review, issue, hand over. */
async function throughHandOver(id: string, facts: MemberFacts, self: Identity) {
  const steps: [string, Record<string, unknown>, Identity][] = [
    ['submitTransfer', {}, self],
    ['reviewTransfer', { meetingOn: '2026-03-02', conclusion: 'Nhất trí' }, cellSecretary],
    ['issueTransferLetter', { letterVoucher: await client.letterVoucher(facts, communeSecretary) }, communeSecretary],
    ['handOverTransferDossier', {}, communeSecretary],
  ];
  for (const [index, [name, input, as]] of steps.entries()) {
    const answer = await client.mutate(name, { transferId: id, expectedVersion: index + 1, ...input }, as);
    expect(answer.payload!.userErrors, name).toEqual([]);
  }
}

describe('a temporary transfer', () => {
  const start = async (facts: MemberFacts, self: Identity, overrides: Record<string, unknown> = {}) =>
    client.mutate(
      'startTransfer',
      {
        kind: 'TEMPORARY',
        memberVoucher: await client.memberVoucher(facts, self),
        destinationVoucher: await client.organizationVoucher(t.otherCell, self),
        reason: 'Đi làm việc có thời hạn ở phường Ninh Phong',
        decisionReference: 'Quyết định 40/QĐ-CT ngày 25/02/2026',
        effectiveOn: '2026-03-01',
        endsOn: '2026-09-01',
        selfReview: 'Tôi hoàn thành tốt nhiệm vụ.',
        ...overrides,
      },
      self,
    );

  it('is refused under three months, and from a year on (study: beyond two years), with codes', async () => {
    const [facts, self] = newMember();
    const codes = async (overrides: Record<string, unknown>) => (await start(facts, self, overrides)).payload!.userErrors.map((e) => e.code);
    expect(await codes({ endsOn: '2026-05-31' })).toEqual(['TOO_SHORT_FOR_TRANSFER']);
    expect(await codes({ endsOn: '2027-03-01' })).toEqual(['MUST_BE_OFFICIAL']);
    expect(await codes({ endsOn: '2028-03-02', fullTimeStudy: true })).toEqual(['MUST_BE_OFFICIAL']);
    expect(await codes({ endsOn: null })).toEqual(['REQUIRED']);
    expect(await codes({ destinationVoucher: null, outsideDestination: { name: 'Đảng ủy Bộ Xây dựng', address: 'Hà Nội' } })).toEqual(['TEMPORARY_OUTSIDE_SYSTEM']);
    expect(await subgraph.db.db.select().from(tables.transfers).where(sql`${tables.transfers.memberId} = ${facts.id}`)).toEqual([]);
  });

  it('is hosted on acceptance, extended by the host within the year, and ended back home, each announced once', async () => {
    const [facts, self] = newMember();
    const started = await start(facts, self);
    expect(started.payload!.userErrors).toEqual([]);
    const id = started.payload!.transfer!.id;
    await throughHandOver(id, facts, self);
    await client.mutate('receiveTransfer', { transferId: id, expectedVersion: 5 }, hostCommune);
    await client.checkDossier(id, hostCommune);
    const accepted = await client.mutate('acceptTransfer', { transferId: id, expectedVersion: 6 }, hostSecretary);
    expect(accepted.payload).toMatchObject({ transfer: { state: 'HOSTED' }, userErrors: [] });
    expect(await read(id, hostSecretary)).toMatchObject({ availableActions: ['EXTEND', 'END'], nextDeadline: { kind: 'TEMPORARY_END', dueOn: '2026-09-01' } });

    const extend = (endsOn: string, version: number, as = hostSecretary) =>
      client.mutate('extendTemporaryTransfer', { transferId: id, expectedVersion: version, endsOn, reason: 'Kéo dài thời gian công tác' }, as);
    expect((await extend('2026-08-01', 7)).payload!.userErrors.map((e) => e.code)).toEqual(['EXTENSION_NOT_LATER']);
    expect((await extend('2027-03-01', 7)).payload!.userErrors.map((e) => e.code)).toEqual(['MUST_BE_OFFICIAL']);
    expect((await extend('2027-01-31', 7, communeSecretary)).payload!.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN_ACTION']);
    expect((await extend('2027-01-31', 7)).payload).toMatchObject({ transfer: { state: 'EXTENDED', version: 8 }, userErrors: [] });
    const extended = await read(id, self);
    expect(extended).toMatchObject({ endsOn: '2027-01-31', nextDeadline: { kind: 'TEMPORARY_END', dueOn: '2027-01-31' } });
    // The timeline writes the new end as Vietnamese readers do; the signed decision keeps the ISO day.
    expect((extended.timeline as { action: string; note: string }[]).find((entry) => entry.action === 'EXTEND')!.note).toContain('Đến ngày: 31/01/2027');

    const ended = await client.mutate('endTemporaryTransfer', { transferId: id, expectedVersion: 8, endedOn: '2026-03-02' }, hostSecretary);
    expect(ended.payload).toMatchObject({ transfer: { state: 'ENDED' }, userErrors: [] });
    expect((await read(id, self)).nextDeadline).toBeNull();

    expect((await events('member.temporaryHostChanged', facts.id)).map((e) => (e.payload as { host: unknown }).host)).toEqual([
      { orgId: t.otherCell.id, orgPath: t.otherCell.path, until: '2026-09-01' },
      { orgId: t.otherCell.id, orgPath: t.otherCell.path, until: '2027-01-31' },
      null,
    ]);
    expect(await events('member.transferred', facts.id)).toEqual([]);
  });

  it('has no steps of the other kind: an official transfer is not extended', async () => {
    const [facts, self] = newMember();
    const id = (
      await client.mutate(
        'startTransfer',
        {
          kind: 'OFFICIAL',
          memberVoucher: await client.memberVoucher(facts, self),
          destinationVoucher: await client.organizationVoucher(t.otherCell, self),
          reason: 'Chuyển công tác',
          decisionReference: 'QĐ 1',
          effectiveOn: '2026-02-27',
          selfReview: 'Tốt',
        },
        self,
      )
    ).payload!.transfer!.id;
    const answer = await client.mutate('extendTemporaryTransfer', { transferId: id, expectedVersion: 1, endsOn: '2026-12-01', reason: 'x' }, hostSecretary);
    expect(answer.payload!.userErrors[0]).toMatchObject({ code: 'ILLEGAL_TRANSITION', message: 'Không thể gia hạn sinh hoạt tạm thời với hồ sơ chuyển sinh hoạt đảng chính thức.' });
  });
});

describe('an official transfer to an organization outside the system', () => {
  it('completes when the issuing committee records the return slip, and announces the member has left', async () => {
    const [facts, self] = newMember();
    const started = await client.mutate(
      'startTransfer',
      {
        kind: 'OFFICIAL',
        memberVoucher: await client.memberVoucher(facts, self),
        outsideDestination: { name: 'Đảng ủy Bộ Xây dựng', address: '37 Lê Đại Hành, Hà Nội' },
        reason: 'Chuyển công tác về Bộ Xây dựng',
        decisionReference: 'Quyết định 88/QĐ-BXD ngày 15/02/2026',
        effectiveOn: '2026-02-15',
        selfReview: 'Tốt',
      },
      self,
    );
    expect(started.payload!.userErrors).toEqual([]);
    const id = started.payload!.transfer!.id;
    expect((await read(id, self)).destination).toEqual({ inSystem: false, name: 'Đảng ủy Bộ Xây dựng', address: '37 Lê Đại Hành, Hà Nội', organization: null });
    await throughHandOver(id, facts, self);
    expect((await read(id, communeSecretary)).availableActions).toEqual(['REPLACE_LETTER', 'RECORD_EXTERNAL_RECEIPT']);
    expect((await client.mutate('receiveTransfer', { transferId: id, expectedVersion: 5 }, hostSecretary)).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);

    const slip = { transferId: id, expectedVersion: 5, slipReference: 'Phiếu báo số 12 ngày 01/03/2026', receivedOn: '2026-03-01' };
    expect((await client.mutate('recordExternalReceipt', { ...slip, receivedOn: '2026-03-03' }, communeSecretary)).payload!.userErrors.map((e) => e.code)).toEqual(['FUTURE_DATE']);
    expect((await client.mutate('recordExternalReceipt', slip, communeSecretary)).payload).toMatchObject({ transfer: { state: 'COMPLETED' }, userErrors: [] });
    expect((await events('member.transferredOut', facts.id)).map((e) => e.payload)).toEqual([
      { transferId: id, memberId: facts.id, fromOrgId: t.cell.id, destinationName: 'Đảng ủy Bộ Xây dựng', destinationAddress: '37 Lê Đại Hành, Hà Nội', on: '2026-03-01' },
    ]);
  });
});

describe('a lost letter, and the QR code scanned at handovers', () => {
  it('voids the lost number for good, issues a new one, and refuses the lost one at a handover', async () => {
    const [facts, self] = newMember();
    const started = await client.mutate(
      'startTransfer',
      {
        kind: 'OFFICIAL',
        memberVoucher: await client.memberVoucher(facts, self),
        destinationVoucher: await client.organizationVoucher(t.otherCell, self),
        reason: 'Nghỉ hưu, về nơi cư trú',
        decisionReference: 'Quyết định nghỉ hưu 12/QĐ ngày 01/02/2026',
        effectiveOn: '2026-02-01',
        selfReview: 'Tốt',
      },
      self,
    );
    const id = started.payload!.transfer!.id;
    const code = started.payload!.transfer!.code as string;
    await throughHandOver(id, facts, self);
    const lost = (await read(id, self)).letter.number as string;

    const handover = (letterNumber: string, as: Identity) =>
      client.mutate('recordTransferHandover', { code: code.toLowerCase(), letterNumber, place: 'Văn phòng Đảng ủy phường' }, as);
    expect((await handover(lost, hostCommune)).payload!.userErrors).toEqual([]);

    const missing = await client.mutate('replaceLostTransferLetter', { transferId: id, expectedVersion: 5, policeConfirmation: '', circumstances: 'Mất ví' }, communeSecretary);
    expect(missing.payload!.userErrors.map((e) => [e.code, e.field])).toEqual([['REQUIRED', 'policeConfirmation']]);
    const replaced = await client.mutate(
      'replaceLostTransferLetter',
      { transferId: id, expectedVersion: 5, policeConfirmation: 'Công an phường Ninh Phong, xác nhận số 45 ngày 02/03/2026', circumstances: 'Mất ví trên xe khách' },
      communeSecretary,
    );
    expect(replaced.payload).toMatchObject({ transfer: { state: 'LETTER_ISSUED', version: 6 }, userErrors: [] });
    const dossier = await read(id, self);
    // The register gives the next number of the year, whatever the earlier dossiers of this file took.
    const next = `${String(Number(lost.slice(0, 2)) + 1).padStart(2, '0')}-GGT/T.1/2026`;
    expect(dossier.letter).toEqual({ number: next, voidedNumbers: [lost] });

    expect((await handover(lost, hostCommune)).payload!.userErrors.map((e) => e.code)).toEqual(['LETTER_VOID']);
    expect((await handover(next, self)).payload!.userErrors).toEqual([]);
    expect((await handover(next, person('SECRETARY', t.agency))).errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);

    const timeline = (await read(id, self)).timeline as { action: string; note: string | null }[];
    expect(timeline.filter((entry) => entry.action === 'HANDOVER')).toHaveLength(2);
    expect(timeline.find((entry) => entry.action === 'REPLACE_LETTER')!.note).toContain(`Hủy giấy số: ${lost}`);
  });
});

describe('the organizations’ queues', () => {
  it('puts each dossier in the inbox of the side it waits on, and in the sending side’s “sent, not yet received”', async () => {
    const [facts, self] = newMember();
    const id = (
      await client.mutate(
        'startTransfer',
        {
          kind: 'OFFICIAL',
          memberVoucher: await client.memberVoucher(facts, self),
          destinationVoucher: await client.organizationVoucher(t.otherCell, self),
          reason: 'Chuyển công tác',
          decisionReference: 'QĐ 2',
          effectiveOn: '2026-02-27',
          selfReview: 'Tốt',
        },
        self,
      )
    ).payload!.transfer!.id;
    const INBOX = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { transferInbox { reason transfer { id } } transfersAwaitingReceipt { id nextDeadline { kind } } } } }`;
    const inbox = async (o: typeof t.cell, as: Identity) => {
      const { data, errors } = await client.query(INBOX, { r: [{ __typename: 'Organization', id: o.id, path: o.path }] }, as);
      expect(errors, JSON.stringify(errors)).toBeUndefined();
      const entity = data!._entities[0];
      return {
        inbox: (entity.transferInbox as { reason: string; transfer: { id: string } }[]).filter((e) => e.transfer.id === id).map((e) => e.reason),
        awaiting: (entity.transfersAwaitingReceipt as { id: string }[]).some((e) => e.id === id),
      };
    };
    await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, self);
    expect(await inbox(t.cell, cellSecretary)).toEqual({ inbox: ['REVIEW'], awaiting: false });
    expect(await inbox(t.commune, communeSecretary)).toEqual({ inbox: [], awaiting: false });
    await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Nhất trí' }, cellSecretary);
    expect(await inbox(t.commune, communeSecretary)).toEqual({ inbox: ['ISSUE_LETTER'], awaiting: false });
    await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: await client.letterVoucher(facts, communeSecretary) }, communeSecretary);
    await client.mutate('handOverTransferDossier', { transferId: id, expectedVersion: 4 }, communeSecretary);
    expect(await inbox(t.commune, communeSecretary)).toEqual({ inbox: [], awaiting: true });
    expect(await inbox(t.otherCommune, hostCommune)).toEqual({ inbox: ['RECEIVE'], awaiting: false });
    expect(await inbox(t.otherCell, hostSecretary)).toEqual({ inbox: ['RECEIVE'], awaiting: false });

    const stranger = await client.query(INBOX, { r: [{ __typename: 'Organization', id: t.commune.id, path: t.commune.path }] }, hostSecretary);
    expect(new Set(stranger.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
  });
});
