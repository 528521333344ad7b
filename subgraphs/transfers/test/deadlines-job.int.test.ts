import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { runJob, type Identity } from '@dangvu/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transfersSubgraph } from '../src/server.ts';
import { deadlinesJob } from '../src/transfer/deadlines.job.ts';
import { clock, person, transferClient, tree, type MemberFacts, type TransferClient } from './transfer-fixtures.ts';

const t = tree();
const time = clock('2026-02-06T02:00:00Z');
let subgraph: TestSubgraph;
let client: TransferClient;
const job = deadlinesJob({ escalateAfterWorkingDays: 10 });

const cellSecretary = person('SECRETARY', t.cell);
const communeSecretary = person('SECRETARY', t.commune);
const receiving = person('SECRETARY', t.otherCell);

beforeAll(async () => {
  subgraph = await startTestSubgraph('transfers', (db) => transfersSubgraph(db, { now: time.now, printer: { print: async () => Buffer.from('%PDF'), close: async () => {} } }));
  client = transferClient(subgraph);
});
afterAll(() => subgraph?.stop());

async function dossier(effectiveOn: string): Promise<[string, MemberFacts, Identity]> {
  const facts: MemberFacts = { id: randomUUID(), fullName: 'Đinh Văn Phúc', cell: t.cell };
  const self = person(undefined, undefined, facts.id);
  const started = await client.mutate(
    'startTransfer',
    {
      kind: 'OFFICIAL',
      memberVoucher: await client.memberVoucher(facts, self),
      destinationVoucher: await client.organizationVoucher(t.otherCell, self),
      reason: 'Chuyển công tác',
      decisionReference: 'QĐ 7',
      effectiveOn,
      selfReview: 'Tốt',
    },
    self,
  );
  expect(started.payload!.userErrors).toEqual([]);
  return [started.payload!.transfer!.id, { ...facts, paidThrough: '2026-01' }, self];
}

const READ = 'query ($id: ID!) { transfer(id: $id) { state version signaturesValid nextDeadline { kind dueOn overdue workingDaysLeft } timeline { action side signed } } }';
const read = async (id: string, as: Identity) => (await client.query(READ, { id }, as)).data!.transfer;
const run = (day: string) => runJob(subgraph.db, job, { day });
const row = async (id: string) => (await subgraph.db.db.select().from(tables.transfers).where(eq(tables.transfers.id, id)))[0]!;

describe('the daily deadline job', () => {
  let inTransit: string;
  let stalled: string;
  let late: string;
  let lateSelf: Identity;

  beforeAll(async () => {
    // Friday 06/02/2026, the week before Tết: a letter issued and handed over, a request submitted.
    const [id, facts, self] = await dossier('2026-02-02');
    await client.mutate('submitTransfer', { transferId: id, expectedVersion: 1 }, self);
    await client.mutate('reviewTransfer', { transferId: id, expectedVersion: 2, meetingOn: '2026-02-06', conclusion: 'Nhất trí' }, cellSecretary);
    await client.mutate('issueTransferLetter', { transferId: id, expectedVersion: 3, letterVoucher: await client.letterVoucher(facts, communeSecretary) }, communeSecretary);
    await client.mutate('handOverTransferDossier', { transferId: id, expectedVersion: 4 }, communeSecretary);
    inTransit = id;
    const [waiting, , waitingSelf] = await dossier('2026-02-02');
    await client.mutate('submitTransfer', { transferId: waiting, expectedVersion: 1 }, waitingSelf);
    stalled = waiting;
    [late, , lateSelf] = await dossier('2025-11-10');
  });

  it('flags a request not submitted within 60 working days of its decision (03/02/2026, Tết past), once', async () => {
    await run('2026-02-27');
    expect((await row(late)).startOverdueOn).toBe('2026-02-27');
    // The request the cell holds is on its tenth working day, still in time.
    expect((await row(stalled)).escalatedOn).toBeNull();
    await run('2026-03-04');
    expect((await row(late)).startOverdueOn).toBe('2026-02-27');
    expect((await read(late, lateSelf)).nextDeadline).toMatchObject({ kind: 'START', dueOn: '2026-02-03', overdue: true });
  });

  it('puts a request the cell has held for more than ten working days in the issuing committee’s inbox', async () => {
    // Submitted on Friday 06/02: ten working days end on Friday 27/02 (Tết in between); flagged from Monday 02/03.
    // The run of 27/02 (above) left it; the run of 04/03 flagged it, on that day.
    expect(await row(stalled)).toMatchObject({ escalatedOn: '2026-03-04', escalationPath: t.commune.path, version: 2 });
    const { data } = await client.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { transferInbox { reason escalatedOn transfer { id } } } } }',
      { r: [{ __typename: 'Organization', id: t.commune.id, path: t.commune.path }] },
      communeSecretary,
    );
    expect(data!._entities[0].transferInbox.filter((e: { transfer: { id: string } }) => e.transfer.id === stalled)).toEqual([
      { reason: 'ESCALATED', escalatedOn: '2026-03-04', transfer: { id: stalled } },
    ]);
  });

  it('counts, for reports, the open dossiers from the cell and those late or stalled, naming no one', async () => {
    const COUNTS = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { transferCounts { open overdue startOverdue stalled } } } }';
    const counts = (as: Identity) => client.query(COUNTS, { r: [{ __typename: 'Organization', id: t.commune.id, path: t.commune.path }] }, as);
    const analyst = person('ANALYST', t.province);
    expect((await counts(analyst)).data!._entities[0].transferCounts).toEqual({ open: 3, overdue: 0, startOverdue: 1, stalled: 1 });
    expect((await counts(lateSelf)).errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('clears the escalation with the next step', async () => {
    time.set('2026-03-04T02:00:00Z');
    await client.mutate('reviewTransfer', { transferId: stalled, expectedVersion: 2, meetingOn: '2026-03-02', conclusion: 'Nhất trí' }, cellSecretary);
    expect(await row(stalled)).toMatchObject({ state: 'REVIEWED', escalatedOn: null, escalationPath: `/${t.province.id}/` });
  });

  it('leaves a letter alone on the last day of deadline B, past Tết, and marks it overdue the day after, once', async () => {
    // 30 working days from 06/02/2026, with Tết's five weekdays off, end on Friday 27/03.
    expect((await read(inTransit, cellSecretary)).nextDeadline).toMatchObject({ kind: 'PRESENT_LETTER', dueOn: '2026-03-27' });
    await run('2026-03-27');
    expect((await row(inTransit)).state).toBe('IN_TRANSIT');
    await run('2026-03-30');
    expect(await row(inTransit)).toMatchObject({ state: 'OVERDUE', version: 6 });
    expect((await run('2026-03-30')).status).toBe('already-done');
    await run('2026-03-31');
    const dossierNow = await read(inTransit, cellSecretary);
    expect(dossierNow.timeline.map((s: { action: string }) => s.action).filter((a: string) => a === 'MARK_OVERDUE')).toHaveLength(1);
    expect(dossierNow.timeline.at(-1)).toEqual({ action: 'MARK_OVERDUE', side: 'SYSTEM', signed: false });
    expect(dossierNow.signaturesValid).toBe(true);
  });

  it('lets the receiving side take an overdue letter only with the reasons for the delay', async () => {
    time.set('2026-03-31T02:00:00Z');
    const without = await client.mutate('receiveTransfer', { transferId: inTransit, expectedVersion: 6 }, receiving);
    expect(without.payload!.userErrors.map((e) => [e.code, e.field])).toEqual([['DEADLINE_PASSED', 'lateReason']]);
    const withReason = await client.mutate('receiveTransfer', { transferId: inTransit, expectedVersion: 6, lateReason: 'Chờ quyết định tiếp nhận' }, receiving);
    expect(withReason.payload).toMatchObject({ transfer: { state: 'RECEIVED' }, userErrors: [] });
  });

  it('still takes a late request, with the reasons for the delay', async () => {
    const without = await client.mutate('submitTransfer', { transferId: late, expectedVersion: 1 }, lateSelf);
    expect(without.payload!.userErrors.map((e) => e.code)).toEqual(['DEADLINE_PASSED']);
    const withReason = await client.mutate('submitTransfer', { transferId: late, expectedVersion: 1, lateReason: 'Đồng chí điều trị dài ngày' }, lateSelf);
    expect(withReason.payload).toMatchObject({ transfer: { state: 'SUBMITTED' } });
  });
});
