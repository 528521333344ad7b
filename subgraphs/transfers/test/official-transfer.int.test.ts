import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersSubgraph } from '../src/server.ts';
import { clock, person, transferClient, tree, type MemberFacts, type TransferClient } from './transfer-fixtures.ts';

const t = tree();
const time = clock('2026-03-02T02:00:00Z');
let subgraph: TestSubgraph;
let client: TransferClient;

const member: MemberFacts = { id: randomUUID(), fullName: 'Nguyễn Thị Hòa', cell: t.cell };
const self = person(undefined, undefined, member.id);
const cellSecretary = person('SECRETARY', t.cell);
const communeSecretary = person('SECRETARY', t.commune);
const communeDeputy = person('DEPUTY_SECRETARY', t.commune);
const receivingSecretary = person('SECRETARY', t.otherCell);
const receivingCommune = person('DEPUTY_SECRETARY', t.otherCommune);
const outsider = person('SECRETARY', t.agency);

const printed: string[] = [];

beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', (db) =>
    transfersSubgraph(db, { now: time.now, printer: { print: async (html) => (printed.push(html), Buffer.from('%PDF-stand-in')), close: async () => {} } }),
  );
  client = transferClient(subgraph);
});
afterAll(() => subgraph?.stop());

async function start(overrides: Record<string, unknown> = {}, facts = member, as = self) {
  return client.mutate(
    'startTransfer',
    {
      kind: 'OFFICIAL',
      memberVoucher: await client.memberVoucher(facts, as),
      destinationVoucher: await client.organizationVoucher(t.otherCell, as),
      reason: 'Chuyển công tác về Sở Xây dựng',
      decisionReference: 'Quyết định 125/QĐ-UBND ngày 20/02/2026',
      effectiveOn: '2026-02-20',
      selfReview: 'Trong năm qua tôi luôn hoàn thành tốt nhiệm vụ được giao.',
      ...overrides,
    },
    as,
  );
}

const DOSSIER = `query ($id: ID!) { transfer(id: $id) { code state version kind issuingRoute issuingOrganization { id } toOrganization { id }
  destination { inSystem name } nextDeadline { kind dueOn overdue workingDaysLeft } availableActions signaturesValid
  letter { number issuedOn duesPaidThrough validUntil form link voidedNumbers }
  timeline { action sequence fromState toState side actor { id } onBehalfOf { id } organization { id } note signed } } }`;

const read = async (id: string, as = self) => {
  const { data, errors } = await client.query(DOSSIER, { id }, as);
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return data!.transfer;
};

const eventsOf = (topic: string, memberId: string) =>
  subgraph.db.db
    .select()
    .from(tables.outboxEvents)
    .where(sql`${tables.outboxEvents.topic} = ${topic} and ${tables.outboxEvents.aggregateId} = ${memberId}`);

describe('an official transfer between two communes, step by step', () => {
  it('runs from the member’s request to the receiving cell’s acceptance, each side seeing only its own steps', async () => {
    const started = await start();
    expect(started.payload!.userErrors).toEqual([]);
    const id = started.payload!.transfer!.id;
    expect(started.payload!.transfer).toMatchObject({ state: 'DRAFT', version: 1, code: 'T.1.5-2026-0001' });

    let dossier = await read(id);
    expect(dossier).toMatchObject({
      kind: 'OFFICIAL',
      issuingRoute: 'SUPERIOR',
      issuingOrganization: { id: t.commune.id },
      toOrganization: { id: t.otherCell.id },
      destination: { inSystem: true, name: 'Chi bộ tổ dân phố 3' },
      // Deadline A: 60 working days from Friday 20/02/2026.
      nextDeadline: { kind: 'START', dueOn: '2026-05-20', overdue: false },
      availableActions: ['SUBMIT', 'CANCEL'],
      signaturesValid: true,
      letter: null,
    });

    const submitted = await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, self);
    expect(submitted.payload).toMatchObject({ transfer: { state: 'SUBMITTED', version: 2 }, userErrors: [] });
    expect((await read(id, cellSecretary)).availableActions).toEqual(['CANCEL', 'REVIEW', 'RETURN_FOR_COMPLETION', 'REJECT']);
    expect((await read(id, receivingSecretary)).availableActions).toEqual([]);

    const reviewed = await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Chi bộ nhất trí.' }, cellSecretary);
    expect(reviewed.payload).toMatchObject({ transfer: { state: 'REVIEWED', version: 3 }, userErrors: [] });

    const issued = await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: await client.letterVoucher(member, communeSecretary) }, communeSecretary);
    expect(issued.payload).toMatchObject({ transfer: { state: 'LETTER_ISSUED', version: 4 }, userErrors: [] });
    dossier = await read(id, communeDeputy);
    expect(dossier.letter).toEqual({
      number: '01-GGT/T.1/2026',
      issuedOn: '2026-03-02',
      duesPaidThrough: '2026-02',
      // Deadline B: 30 working days from Monday 02/03/2026.
      validUntil: '2026-04-13',
      form: 'OFFICIAL_10_BOX',
      link: `http://localhost:3000/chuyen-sinh-hoat/ma/T.1.5-2026-0001?giay=${encodeURIComponent('01-GGT/T.1/2026')}`,
      voidedNumbers: [],
    });
    expect(dossier.nextDeadline).toMatchObject({ kind: 'PRESENT_LETTER', dueOn: '2026-04-13', workingDaysLeft: 30 });

    expect((await client.mutate('handOverTransferDossier', { transferId: id, expectedVersion: 4 }, communeDeputy)).payload).toMatchObject({ transfer: { state: 'IN_TRANSIT' } });
    expect((await read(id, receivingCommune)).availableActions).toEqual(['RECEIVE']);
    expect((await client.mutate('receiveTransfer', { transferId: id, expectedVersion: 5 }, receivingCommune)).payload).toMatchObject({ transfer: { state: 'RECEIVED' } });
    // Accepted only on a dossier checked item by item: each check is kept with who and when.
    const unchecked = await client.mutate('acceptTransfer', { transferId: id, expectedVersion: 6, rosterNumber: 31 }, receivingSecretary);
    expect(unchecked.payload!.userErrors).toEqual([expect.objectContaining({ code: 'DOSSIER_NOT_CHECKED', field: 'items', message: expect.stringContaining('Lý lịch đảng viên') })]);
    expect((await client.mutate('checkTransferDossierItems', { transferId: id, items: ['LETTER', 'SEAL'] }, receivingCommune)).payload!.userErrors).toEqual([]);
    expect((await client.mutate('checkTransferDossierItems', { transferId: id, items: ['RECORD'] }, cellSecretary)).payload!.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN_ACTION']);
    expect((await client.mutate('checkTransferDossierItems', { transferId: id, items: ['RECORD'] }, self)).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const partly = await client.mutate('acceptTransfer', { transferId: id, expectedVersion: 6, rosterNumber: 31 }, receivingSecretary);
    expect(partly.payload!.userErrors[0]!.message).toContain('còn: Lý lịch đảng viên; Phiếu đảng viên; Quyết định kết nạp (và công nhận đảng viên chính thức; Bản tự kiểm điểm');
    const { data: checks } = await client.query('query ($id: ID!) { transfer(id: $id) { version dossierChecks { item checked checkedBy { id } checkedAt } } }', { id }, receivingSecretary);
    expect(checks!.transfer.version).toBe(6);
    expect(checks!.transfer.dossierChecks.filter((c: { checked: boolean }) => c.checked)).toEqual([
      { item: 'LETTER', checked: true, checkedBy: { id: receivingCommune.personId }, checkedAt: expect.any(String) },
      { item: 'SEAL', checked: true, checkedBy: { id: receivingCommune.personId }, checkedAt: expect.any(String) },
    ]);
    await client.checkDossier(id, receivingSecretary);
    const accepted = await client.mutate('acceptTransfer', { transferId: id, expectedVersion: 6, rosterNumber: 31 }, receivingSecretary);
    expect(accepted.payload).toMatchObject({ transfer: { state: 'COMPLETED', version: 7 }, userErrors: [] });

    dossier = await read(id);
    expect(dossier.nextDeadline).toBeNull();
    expect(dossier.signaturesValid).toBe(true);
    expect(dossier.timeline.map((s: any) => [s.action, s.toState, s.side, s.signed])).toEqual([
      ['START', 'DRAFT', 'MEMBER', true],
      ['SUBMIT', 'SUBMITTED', 'MEMBER', true],
      ['REVIEW', 'REVIEWED', 'SENDING', true],
      ['ISSUE_LETTER', 'LETTER_ISSUED', 'ISSUING', true],
      ['HAND_OVER', 'IN_TRANSIT', 'ISSUING', true],
      ['RECEIVE', 'RECEIVED', 'RECEIVING', true],
      ['ACCEPT', 'COMPLETED', 'RECEIVING', true],
    ]);
    expect(dossier.timeline[2]).toMatchObject({ actor: { id: cellSecretary.personId }, organization: { id: t.cell.id }, note: 'Kết luận của chi bộ: Chi bộ nhất trí.' });
    expect(dossier.timeline[3].note).toBe('Giấy giới thiệu số: 01-GGT/T.1/2026');

    const events = await eventsOf('member.transferred', member.id);
    expect(events.map((e) => e.payload)).toEqual([
      { memberId: member.id, fromOrgId: t.cell.id, toOrgId: t.otherCell.id, toOrgPath: t.otherCell.path, on: '2026-03-02', transferId: id, rosterNumber: 31 },
    ]);
  });

  it('counts the member’s next dossier in the same cell’s register for the year', async () => {
    const other: MemberFacts = { id: randomUUID(), fullName: 'Trần Văn Bình', cell: t.cell };
    const started = await start({}, other, person(undefined, undefined, other.id));
    expect(started.payload!.transfer!.code).toBe('T.1.5-2026-0002');
  });
});

describe('a partner system', () => {
  const partner = (scopes: string[]) => ({ personId: null, grants: [], partner: { clientId: randomUUID(), scopes } });
  const reader = partner(['transfers:read']);
  const stranger = partner(['members:read', 'organizations:read', 'dues:read']);
  let id: string;
  let code: string;
  const moving: MemberFacts = { id: randomUUID(), fullName: 'Đỗ Thị Lan', cell: t.cell };

  beforeAll(async () => {
    const started = await start({}, moving, person(undefined, undefined, moving.id));
    ({ id, code } = started.payload!.transfer! as { id: string; code: string });
  });

  it('with transfers:read reads a dossier by id, by code and in the member’s list, and may take no step on it', async () => {
    expect(await read(id, reader)).toMatchObject({ code, state: 'DRAFT', availableActions: [] });
    const byCode = await client.query('query ($code: String!) { transferByCode(code: $code) { id } }', { code }, reader);
    expect(byCode.data!.transferByCode).toEqual({ id });
    const list = await client.entity({ __typename: 'Member', id: moving.id, orgPath: t.cell.path }, 'transfers { id }', reader);
    expect(list.transfers).toEqual([{ id }]);
    const submitted = await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, reader);
    expect(submitted.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('without it reads nothing of transfers: FORBIDDEN by id and in the list, null by code', async () => {
    const byId = await client.query('query ($id: ID!) { transfer(id: $id) { id } }', { id }, stranger);
    expect(byId.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const byCode = await client.query('query ($code: String!) { transferByCode(code: $code) { id } }', { code }, stranger);
    expect(byCode.data!.transferByCode).toBeNull();
    const list = await subgraph.call(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { transfers { id } } } }',
      { r: [{ __typename: 'Member', id: moving.id, orgPath: t.cell.path }] },
      stranger,
    );
    expect(list.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('what a step refuses, changing nothing', () => {
  let id: string;
  const owing: MemberFacts = { id: randomUUID(), fullName: 'Lê Văn Cường', cell: t.cell, paidThrough: '2025-12', inGoodStanding: false };
  const owingSelf = person(undefined, undefined, owing.id);

  beforeAll(async () => {
    id = (await start({}, owing, owingSelf)).payload!.transfer!.id;
    await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, owingSelf);
    await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Nhất trí' }, cellSecretary);
  });

  it('issues no letter while the member owes January and February', async () => {
    const answer = await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: await client.letterVoucher(owing, communeSecretary) }, communeSecretary);
    expect(answer.payload).toEqual({
      transfer: null,
      userErrors: [
        {
          code: 'DUES_UNPAID',
          field: 'letterVoucher',
          message: 'Đảng viên còn nợ đảng phí trước tháng 03/2026 (mới đóng hết tháng 12/2025): chi bộ cần thu đủ trước khi cấp giấy giới thiệu.',
        },
      ],
    });
    expect(await read(id, owingSelf)).toMatchObject({ state: 'REVIEWED', version: 3, letter: null });
  });

  it('refuses a step on a version someone else already moved past', async () => {
    const answer = await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, owingSelf);
    expect(answer.payload!.userErrors.map((e) => e.code)).toEqual(['STALE_VERSION']);
  });

  it('refuses a step the dossier’s state does not allow, naming what it is doing', async () => {
    const answer = await client.mutate('acceptTransfer', { transferId: id, expectedVersion: 3 }, receivingSecretary);
    expect(answer.payload!.userErrors).toEqual([
      {
        code: 'ILLEGAL_TRANSITION',
        field: 'transferId',
        message: 'Không thể tiếp nhận đảng viên vào chi bộ khi hồ sơ chuyển sinh hoạt đảng chính thức đã được chi bộ xem xét, chờ cấp giấy giới thiệu.',
      },
    ]);
  });

  it('tells a side whose step it is not, and forbids a caller who takes no part at all', async () => {
    const wrongSide = await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: await client.letterVoucher(owing, cellSecretary) }, cellSecretary);
    expect(wrongSide.payload!.userErrors.map((e) => e.code)).toEqual(['FORBIDDEN_ACTION']);
    const stranger = await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 3, meetingOn: '2026-03-02', conclusion: 'x' }, outsider);
    expect(stranger.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await client.query(DOSSIER, { id }, outsider)).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses a letter voucher read for another member or by another officer', async () => {
    const forOther = await client.letterVoucher(member, communeSecretary);
    expect((await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: forOther }, communeSecretary)).payload!.userErrors[0]!.code).toBe('INVALID_VOUCHER');
    const readByDeputy = await client.letterVoucher({ ...owing, paidThrough: '2026-02', inGoodStanding: true }, communeDeputy);
    expect((await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: readByDeputy }, communeSecretary)).payload!.userErrors[0]!.code).toBe('INVALID_VOUCHER');
  });

  it('refuses an empty reason and a meeting in the future, in Vietnamese', async () => {
    const returned = await client.mutate('returnTransferForCompletion', { transferId: id, expectedVersion: 3, missing: '   ' }, communeSecretary);
    expect(returned.payload!.userErrors).toEqual([{ code: 'REQUIRED', field: 'missing', message: 'Cần ghi những gì cần bổ sung.' }]);
    expect(await read(id, owingSelf)).toMatchObject({ state: 'REVIEWED', version: 3 });
  });
});

describe('opening a dossier', () => {
  it('for a member by the cell’s secretary, recorded as done on the member’s behalf', async () => {
    const elderly: MemberFacts = { id: randomUUID(), fullName: 'Phạm Văn Dũng', cell: t.cell };
    const started = await start({}, elderly, cellSecretary);
    expect(started.payload!.userErrors).toEqual([]);
    const dossier = await read(started.payload!.transfer!.id, cellSecretary);
    expect(dossier.timeline[0]).toMatchObject({ action: 'START', side: 'ON_BEHALF', actor: { id: cellSecretary.personId }, onBehalfOf: { id: elderly.id } });
  });

  it('for a member by a support-team member only with the member’s consent, which the timeline shows, and then the member’s next step too', async () => {
    const supportTeam = person('SUPPORT_TEAM', t.commune);
    const elderly: MemberFacts = { id: randomUUID(), fullName: 'Trịnh Văn Lộc', cell: t.cell };
    const noConsent = await start({}, elderly, supportTeam);
    expect(noConsent.payload!.userErrors).toEqual([expect.objectContaining({ code: 'CONSENT_REQUIRED', field: 'memberConsent', message: expect.stringContaining('đảng viên đồng ý') })]);
    const consent = 'Đồng chí Lộc đồng ý trực tiếp tại nhà ngày 01/03/2026';
    const started = await start({ memberConsent: consent }, elderly, supportTeam);
    expect(started.payload!.userErrors).toEqual([]);
    const id = started.payload!.transfer!.id;
    const submittedBare = await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, supportTeam);
    expect(submittedBare.payload!.userErrors.map((e) => e.code)).toEqual(['CONSENT_REQUIRED']);
    expect((await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1, memberConsent: consent }, supportTeam)).payload!.userErrors).toEqual([]);
    const dossier = await read(id, supportTeam);
    expect(dossier.timeline.map((step: { action: string; side: string; actor: { id: string }; onBehalfOf: { id: string }; note: string }) => [step.action, step.side, step.actor.id, step.onBehalfOf.id])).toEqual([
      ['START', 'ON_BEHALF', supportTeam.personId, elderly.id],
      ['SUBMIT', 'ON_BEHALF', supportTeam.personId, elderly.id],
    ]);
    expect(dossier.timeline[0].note).toContain(`Đảng viên đồng ý: ${consent}`);
    // The support team does the member's steps, never the cell's.
    expect(dossier.availableActions).toEqual(['CANCEL']);
  });

  it('for a member by the commune’s processing officer, who acts for the committee but does not sign the letter', async () => {
    const officer = person('PROCESSING_OFFICER', t.commune);
    const mover: MemberFacts = { id: randomUUID(), fullName: 'Lương Thị Mận', cell: t.cell };
    const started = await start({}, mover, officer);
    expect(started.payload!.userErrors).toEqual([]);
    const id = started.payload!.transfer!.id;
    expect((await read(id, officer)).timeline[0]).toMatchObject({ side: 'ON_BEHALF', actor: { id: officer.personId }, onBehalfOf: { id: mover.id } });
    await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, officer);
    await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Chi bộ nhất trí' }, cellSecretary);
    const atIssuer = await read(id, officer);
    expect(atIssuer.state).toBe('REVIEWED');
    expect(atIssuer.availableActions).toEqual(['CANCEL', 'RETURN_FOR_COMPLETION']);
    const returned = await client.mutate('returnTransferForCompletion', { transferId: id, expectedVersion: 3, missing: 'Thiếu bản tự kiểm điểm có nhận xét của chi ủy' }, officer);
    expect(returned.payload!.userErrors).toEqual([]);
    expect((await read(id, officer)).timeline.at(-1)).toMatchObject({ action: 'RETURN_FOR_COMPLETION', side: 'ISSUING', organization: { id: t.commune.id } });
  });

  it('refuses the support team and the processing officer of another commune', async () => {
    const elsewhere: MemberFacts = { id: randomUUID(), fullName: 'Tạ Văn Nam', cell: t.cell };
    for (const stranger of [person('SUPPORT_TEAM', t.otherCommune), person('PROCESSING_OFFICER', t.otherCommune)]) {
      const answer = await subgraph.call(
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { transferVoucher viewerMayStartTransferFor } } }',
        { r: [{ __typename: 'Member', id: elsewhere.id, orgPath: t.cell.path, fullName: elsewhere.fullName, organization: { id: t.cell.id, code: 'x', name: 'x', type: 'GRASSROOTS_CELL' } }] },
        stranger,
      );
      expect(answer.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses a secretary elsewhere reading the voucher of a member not under them', async () => {
    const answer = await subgraph.call(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { transferVoucher } } }',
      { r: [{ __typename: 'Member', id: member.id, orgPath: t.cell.path, fullName: member.fullName, organization: { id: t.cell.id, code: 'x', name: 'x', type: 'GRASSROOTS_CELL' } }] },
      outsider,
    );
    expect(answer.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('refuses a second open dossier, a committee as destination, and no destination at all', async () => {
    const busy: MemberFacts = { id: randomUUID(), fullName: 'Vũ Thị Em', cell: t.cell };
    const busySelf = person(undefined, undefined, busy.id);
    expect((await start({}, busy, busySelf)).payload!.userErrors).toEqual([]);
    expect((await start({}, busy, busySelf)).payload!.userErrors.map((e) => e.code)).toEqual(['TRANSFER_IN_PROGRESS']);
    const fresh: MemberFacts = { id: randomUUID(), fullName: 'Đỗ Văn Giang', cell: t.cell };
    const freshSelf = person(undefined, undefined, fresh.id);
    expect((await start({ destinationVoucher: await client.organizationVoucher(t.otherCommune, freshSelf) }, fresh, freshSelf)).payload!.userErrors.map((e) => e.code)).toEqual([
      'DESTINATION_NOT_A_CELL',
    ]);
    expect((await start({ destinationVoucher: null }, fresh, freshSelf)).payload!.userErrors.map((e) => e.code)).toEqual(['DESTINATION_REQUIRED']);
  });

  it('routes a move between two cells of one grassroots committee by its own committee, and one from directly under the province by the commission', async () => {
    const worker: MemberFacts = { id: randomUUID(), fullName: 'Hồ Văn Hải', cell: t.weaving };
    const workerSelf = person(undefined, undefined, worker.id);
    const internal = await start({ destinationVoucher: await client.organizationVoucher(t.sewing, workerSelf) }, worker, workerSelf);
    expect(await read(internal.payload!.transfer!.id, workerSelf)).toMatchObject({ issuingRoute: 'INTERNAL', issuingOrganization: { id: t.enterprise.id } });
    const official: MemberFacts = { id: randomUUID(), fullName: 'Mai Thị Lan', cell: t.agency };
    const officialSelf = person(undefined, undefined, official.id);
    const commission = await start({}, official, officialSelf);
    expect(await read(commission.payload!.transfer!.id, officialSelf)).toMatchObject({ issuingRoute: 'PROVINCIAL_COMMISSION', issuingOrganization: { id: t.province.id } });
  });

  it('refuses a voucher that expired or was altered', async () => {
    const late: MemberFacts = { id: randomUUID(), fullName: 'Ngô Văn Khánh', cell: t.cell };
    const lateSelf = person(undefined, undefined, late.id);
    const voucher = await client.memberVoucher(late, lateSelf);
    time.set('2026-03-02T02:16:00Z');
    try {
      const answer = await start({ memberVoucher: voucher }, late, lateSelf);
      expect(answer.payload!.userErrors.map((e) => e.code)).toContain('EXPIRED_VOUCHER');
    } finally {
      time.set('2026-03-02T02:00:00Z');
    }
    const [text, mac] = voucher.split('.');
    const forged = `${Buffer.from(Buffer.from(text!, 'base64url').toString().replace(late.id, member.id)).toString('base64url')}.${mac}`;
    expect((await start({ memberVoucher: forged }, late, lateSelf)).payload!.userErrors.map((e) => e.code)).toContain('INVALID_VOUCHER');
  });
});

describe('fifty officers accepting one dossier at once', () => {
  it('move the member once: one acceptance, one event, the others told the dossier moved on', async () => {
    const racer: MemberFacts = { id: randomUUID(), fullName: 'Lý Thị Mai', cell: t.cell };
    const racerSelf = person(undefined, undefined, racer.id);
    const id = (await start({}, racer, racerSelf)).payload!.transfer!.id;
    await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, racerSelf);
    await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Nhất trí' }, cellSecretary);
    await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: await client.letterVoucher(racer, communeSecretary) }, communeSecretary);
    await client.mutate('handOverTransferDossier', { transferId: id, expectedVersion: 4 }, communeSecretary);
    await client.mutate('receiveTransfer', { transferId: id, expectedVersion: 5 }, receivingSecretary);
    await client.checkDossier(id, receivingSecretary);

    const answers = await Promise.all(
      Array.from({ length: 50 }, () => client.mutate('acceptTransfer', { transferId: id, expectedVersion: 6 }, receivingSecretary)),
    );
    const outcomes = answers.map((a) => a.payload!.transfer?.state ?? a.payload!.userErrors[0]!.code);
    expect(outcomes.filter((o) => o === 'COMPLETED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'STALE_VERSION')).toHaveLength(49);
    expect(await eventsOf('member.transferred', racer.id)).toHaveLength(1);
    const steps = await subgraph.db.db.select().from(tables.transferSteps).where(eq(tables.transferSteps.transferId, id));
    expect(steps.filter((s) => s.action === 'ACCEPT')).toHaveLength(1);
  }, 60_000);
});

describe('the signed chain of a dossier', () => {
  it('fails once a stored step is altered, even by someone who recomputes its hash', async () => {
    const id = (await subgraph.db.db.select().from(tables.transfers).where(eq(tables.transfers.memberId, member.id)))[0]!.id;
    expect((await read(id)).signaturesValid).toBe(true);
    await subgraph.db.db
      .update(tables.transferSteps)
      .set({ decision: { meetingOn: '2026-03-01', conclusion: 'Chi bộ nhất trí.', side: 'SENDING', organizationId: t.cell.id } })
      .where(sql`${tables.transferSteps.transferId} = ${id} and ${tables.transferSteps.action} = 'REVIEW'`);
    expect((await read(id)).signaturesValid).toBe(false);
  });
});
