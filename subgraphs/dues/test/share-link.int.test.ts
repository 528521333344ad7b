import { randomUUID } from 'node:crypto';
import { tables } from '@dangvu/drizzle';
import { ANONYMOUS, drainOutbox, publish, type Identity, type Role } from '@dangvu/subgraph-kit';
import { personWith, startTestSubgraph, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duesCollectionAccountConsumer } from '../src/payment/collection-account.consumer.ts';
import { readElements } from '../src/payment/vietqr.rules.ts';
import { duesSubgraph } from '../src/server.ts';

let subgraph: TestSubgraph;
let clock = new Date('2026-03-10T03:00:00Z');

const CREATE = `mutation ($input: CreateDuesShareLinkInput!) {
  createDuesShareLink(input: $input) { token link { id months amount state expiresAt opens } userErrors { code field message } }
}`;
const REVOKE = `mutation ($input: RevokeDuesShareLinkInput!) { revokeDuesShareLink(input: $input) { link { id state revokedAt } userErrors { code message } } }`;
const OPEN = `query ($token: String!) { duesSharedPayment(token: $token) { state expiresAt payment { amount months bankBin accountNumber holderName memo qrPayload } } }`;
const LINKS = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Member { duesShareLinks { id state opens } } } }`;
const RECORD = `mutation ($input: RecordCashPaymentInput!) { recordCashPayment(input: $input) { userErrors { code } } }`;

const cell = randomUUID();
const committee = randomUUID();
const committeePath = `/${randomUUID()}/${committee}/`;
const cellPath = `${committeePath}${cell}/`;
const as = (role: Role, orgPath: string) => personWith(randomUUID(), role, orgPath);
const self = (member: string): Identity => ({ personId: member, grants: [], partner: null });

async function payer() {
  const member = randomUUID();
  const db = subgraph.db.db;
  await db.insert(tables.payers).values({ memberId: member, orgId: cell, orgPath: cellPath, category: 'STUDENT', collectsFrom: '2026-01-01' });
  await db.insert(tables.obligations).values([
    { memberId: member, orgId: cell, period: '2026-01-01', amount: 60_000, status: 'DUE' },
    { memberId: member, orgId: cell, period: '2026-02-01', amount: 40_000, status: 'OVERDUE' },
  ]);
  return member;
}
const create = (caller: Identity, memberId: string, months = ['2026-01', '2026-02']) => subgraph.call(CREATE, { input: { memberId, months } }, caller);
const open = (token: string, caller: Identity = ANONYMOUS) => subgraph.call(OPEN, { token }, caller);

beforeAll(async () => {
  subgraph = await startTestSubgraph('dues', (db) => duesSubgraph(db, { now: () => clock }));
  const { db } = subgraph.db;
  await db.transaction((tx) =>
    publish(tx, 'organization.duesAccountSet', committee, { orgId: committee, orgPath: committeePath, bankBin: '970405', accountNumber: '1234567890', holderName: 'DANG BO CO SO TRUONG' }),
  );
  await drainOutbox(db, duesCollectionAccountConsumer);
});
afterAll(() => subgraph?.stop());

describe('a shared payment link', () => {
  it('shows anyone who opens it, not signed in, the amount and the QR of the months and nothing about the member, and records each opening', async () => {
    const member = await payer();
    const made = await create(self(member), member);
    expect(made.errors).toBeUndefined();
    const { token, link, userErrors } = made.data!.createDuesShareLink;
    expect(userErrors).toEqual([]);
    expect(link).toMatchObject({ months: ['2026-01', '2026-02'], amount: '100000', state: 'ACTIVE', expiresAt: '2026-03-17T10:00:00.000+07:00', opens: 0 });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const seen = await open(token);
    expect(seen.errors).toBeUndefined();
    const shared = seen.data!.duesSharedPayment;
    expect(shared).toMatchObject({ state: 'ACTIVE', payment: { amount: '100000', months: ['2026-01', '2026-02'], bankBin: '970405', accountNumber: '1234567890', holderName: 'DANG BO CO SO TRUONG' } });
    const fields = readElements(shared.payment.qrPayload);
    expect(fields.get('54')).toBe('100000');
    expect(JSON.stringify(shared)).not.toContain(member);

    // Only the hash is kept.
    const [row] = await subgraph.db.db.select().from(tables.duesShareLinks).where(eq(tables.duesShareLinks.id, link.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    await open(token, as('FINANCE_MEMBER', `/${randomUUID()}/`));
    const listed = await subgraph.call(LINKS, { reps: [{ __typename: 'Member', id: member, orgPath: cellPath }] }, self(member));
    expect(listed.data!._entities[0].duesShareLinks).toEqual([{ id: link.id, state: 'ACTIVE', opens: 2 }]);
  });

  it('stops when the months are paid, after seven days, and at once when revoked', async () => {
    const paid = await payer();
    const paidToken = (await create(self(paid), paid)).data!.createDuesShareLink.token;
    expect((await subgraph.call(RECORD, { input: { memberId: paid, months: ['2026-01', '2026-02'] } }, as('FINANCE_MEMBER', cellPath))).data!.recordCashPayment.userErrors).toEqual([]);
    expect((await open(paidToken)).data!.duesSharedPayment).toMatchObject({ state: 'PAID', payment: null });

    const late = await payer();
    const lateToken = (await create(self(late), late)).data!.createDuesShareLink.token;
    const before = clock;
    clock = new Date(before.getTime() + 7 * 24 * 3600 * 1000);
    try {
      expect((await open(lateToken)).data!.duesSharedPayment).toMatchObject({ state: 'EXPIRED', payment: null });
    } finally {
      clock = before;
    }

    const revoked = await payer();
    const made = (await create(as('SECRETARY', committeePath), revoked)).data!.createDuesShareLink;
    const first = await subgraph.call(REVOKE, { input: { linkId: made.link.id } }, self(revoked));
    expect(first.data!.revokeDuesShareLink).toMatchObject({ link: { state: 'REVOKED' }, userErrors: [] });
    expect((await open(made.token)).data!.duesSharedPayment).toMatchObject({ state: 'REVOKED', payment: null });
    const again = await subgraph.call(REVOKE, { input: { linkId: made.link.id } }, as('FINANCE_MEMBER', cellPath));
    expect(again.data!.revokeDuesShareLink.link.revokedAt).toBe(first.data!.revokeDuesShareLink.link.revokedAt);
  });

  it('is made and revoked by the member and the officers over them only', async () => {
    const member = await payer();
    const elsewhere = `/${randomUUID()}/${randomUUID()}/`;
    for (const caller of [self(randomUUID()), as('FINANCE_MEMBER', elsewhere), as('SECRETARY', elsewhere), as('ADMIN', committeePath), as('ANALYST', committeePath)]) {
      const refused = await create(caller, member);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const made = (await create(as('DEPUTY_SECRETARY', cellPath), member)).data!.createDuesShareLink;
    expect(made.userErrors).toEqual([]);
    // Anyone else is told there is no such link, and the link still pays.
    for (const caller of [self(randomUUID()), as('SECRETARY', elsewhere), as('ADMIN', committeePath)]) {
      const refused = await subgraph.call(REVOKE, { input: { linkId: made.link.id } }, caller);
      expect(refused.data!.revokeDuesShareLink).toEqual({ link: null, userErrors: [{ code: 'LINK_NOT_FOUND', message: 'Không tìm thấy liên kết đóng hộ này.' }] });
    }
    const listedByOther = await subgraph.call(LINKS, { reps: [{ __typename: 'Member', id: member, orgPath: cellPath }] }, as('SECRETARY', elsewhere));
    expect(listedByOther.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await open(made.token)).data!.duesSharedPayment.state).toBe('ACTIVE');
  });

  it('refuses months not owed in Vietnamese and makes no link; a token that is no link shows nothing', async () => {
    const member = await payer();
    const refused = await create(self(member), member, ['2026-05']);
    expect(refused.data!.createDuesShareLink).toEqual({ token: null, link: null, userErrors: [{ code: 'MONTH_NOT_OWED', field: 'months', message: expect.stringMatching(/tháng/i) }] });
    expect(await subgraph.db.db.select().from(tables.duesShareLinks).where(eq(tables.duesShareLinks.memberId, member))).toEqual([]);
    for (const token of ['x', 'A'.repeat(43), "' or 1=1 --"]) {
      expect((await open(token)).data!.duesSharedPayment).toEqual({ state: null, expiresAt: null, payment: null });
    }
  });
});
