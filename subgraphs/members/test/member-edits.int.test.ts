import { tables } from '@dangvu/drizzle';
import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { cell: Node; otherCell: Node; member: { id: string }; other: { id: string }; secretary: { id: string } };

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  const province = await buildOrganization(db);
  t.cell = await buildOrganization(db, { parent: province });
  t.otherCell = await buildOrganization(db, { parent: province });
  t.member = await buildMember(db, t.cell, { fullName: 'Phan Văn Đức', citizenId: '037080999001', cardNumber: 'NB.00000001' });
  t.other = await buildMember(db, t.cell, { fullName: 'Hoàng Văn Sơn', citizenId: '037080999002', cardNumber: 'NB.00000002' });
  t.secretary = await buildMember(db, t.cell, { citizenId: '037080999003' });
});
afterAll(() => subgraph?.stop());

const UPDATE = `mutation ($input: UpdateMemberInput!) { updateMember(input: $input) {
  member { fullName phone officialOn version } userErrors { code field } } }`;
const secretary = () => personWith(t.secretary.id, 'SECRETARY', t.cell.path);
const row = async (id: string) => (await subgraph.db.db.select().from(tables.members).where(eq(tables.members.id, id)))[0]!;

describe('updateMember', () => {
  it('corrects a record for the secretary, raises its version and audits it with before and after', async () => {
    const { data, errors } = await subgraph.call(UPDATE, { input: { id: t.member.id, expectedVersion: 1, phone: '0987654321', workplace: ' Trường THCS Hoa Lư ' } }, secretary());
    expect(errors).toBeUndefined();
    expect(data!.updateMember).toEqual({ member: { fullName: 'Phan Văn Đức', phone: '0987654321', officialOn: '2011-03-26', version: 2 }, userErrors: [] });
    const [entry] = await subgraph.db.db.select().from(tables.auditEntries).where(eq(tables.auditEntries.action, 'member.updated'));
    expect(entry).toMatchObject({ actorId: t.secretary.id, subjectMemberId: t.member.id, before: { phone: '0912345678', version: 1 }, after: { phone: '0987654321', version: 2 } });
  });

  it('refuses an edit made on an old version, and changes nothing', async () => {
    const { data } = await subgraph.call(UPDATE, { input: { id: t.member.id, expectedVersion: 1, phone: '0911111111' } }, secretary());
    expect(data!.updateMember.userErrors).toEqual([{ code: 'STALE_VERSION', field: 'expectedVersion' }]);
    expect((await row(t.member.id)).phone).toBe('0987654321');
  });

  it('names every broken rule and changes nothing', async () => {
    const { data } = await subgraph.call(UPDATE, { input: { id: t.member.id, expectedVersion: 2, rosterNumber: 0, phone: 'abc' } }, secretary());
    expect(data!.updateMember.userErrors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual(['phone:INVALID_PHONE', 'rosterNumber:INVALID_ROSTER_NUMBER']);
    expect((await row(t.member.id)).version).toBe(2);
  });

  it('no longer takes an identity field: those change by proposal and approval', async () => {
    for (const field of [{ fullName: 'Phan Văn Đức Anh' }, { citizenId: '037080999009' }, { birthDate: '1980-01-01' }, { gender: 'FEMALE' }, { membershipKind: 'PROBATIONARY' }, { officialOn: '2012-01-01' }]) {
      const { errors } = await subgraph.call(UPDATE, { input: { id: t.member.id, expectedVersion: 2, ...field } }, secretary());
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
    expect((await row(t.member.id))).toMatchObject({ fullName: 'Phan Văn Đức', version: 2 });
  });

  it('keeps a phone number written the usual ways in one form, and refuses clearing the residence address', async () => {
    const spaced = await subgraph.call(UPDATE, { input: { id: t.other.id, expectedVersion: 1, phone: '0912 345 678' } }, secretary());
    expect(spaced.data!.updateMember.userErrors).toEqual([]);
    expect(spaced.data!.updateMember.member).toMatchObject({ phone: '0912345678', version: 2 });
    const international = await subgraph.call(UPDATE, { input: { id: t.other.id, expectedVersion: 2, phone: '+84 987 654 321' } }, secretary());
    expect(international.data!.updateMember.member).toMatchObject({ phone: '0987654321', version: 3 });
    const cleared = await subgraph.call(UPDATE, { input: { id: t.other.id, expectedVersion: 3, residenceAddress: '   ' } }, secretary());
    expect(cleared.data!.updateMember).toEqual({ member: null, userErrors: [{ code: 'RESIDENCE_REQUIRED', field: 'residenceAddress' }] });
    expect((await row(t.other.id)).version).toBe(3);
  });

  it('refuses a card number another member holds', async () => {
    const { data } = await subgraph.call(UPDATE, { input: { id: t.member.id, expectedVersion: 2, cardNumber: 'NB.00000002' } }, secretary());
    expect(data!.updateMember.userErrors.map((e: { code: string }) => e.code)).toEqual(['CARD_NUMBER_TAKEN']);
  });

  it('refuses a secretary of another cell, a finance member and the member themself', async () => {
    for (const caller of [personWith(t.secretary.id, 'SECRETARY', t.otherCell.path), personWith(t.secretary.id, 'FINANCE_MEMBER', t.cell.path), personWith(t.member.id)]) {
      const { errors } = await subgraph.call(UPDATE, { input: { id: t.member.id, expectedVersion: 2, phone: '0900000000' } }, caller);
      expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe('a member’s own contact correction', () => {
  const PROPOSE = 'mutation ($input: ProposeContactChangeInput!) { proposeContactChange(input: $input) { request { id status member { fullName } } userErrors { code field } } }';
  const DECIDE = 'mutation ($input: DecideContactChangeInput!) { decideContactChange(input: $input) { request { status } userErrors { code } } }';
  const PENDING = 'query ($id: ID!, $path: String!) { _entities(representations: [{ __typename: "Organization", id: $id, path: $path }]) { ... on Organization { pendingContactChanges { phone residenceAddress } } } }';

  it('is proposed by the member, listed for the secretary, and applied on approval', async () => {
    const proposed = await subgraph.call(PROPOSE, { input: { phone: '0977 000 111', residenceAddress: 'Số 5 đường Tràng An, phường Hoa Lư, tỉnh Ninh Bình' } }, personWith(t.other.id));
    expect(proposed.data!.proposeContactChange.userErrors).toEqual([]);
    const pending = await subgraph.call(PENDING, { id: t.cell.id, path: t.cell.path }, secretary());
    expect(pending.data!._entities[0].pendingContactChanges).toEqual([{ phone: '0977000111', residenceAddress: 'Số 5 đường Tràng An, phường Hoa Lư, tỉnh Ninh Bình' }]);

    const requestId = proposed.data!.proposeContactChange.request.id;
    const decided = await subgraph.call(DECIDE, { input: { requestId, approve: true } }, secretary());
    expect(decided.data!.decideContactChange).toEqual({ request: { status: 'APPROVED' }, userErrors: [] });
    expect((await row(t.other.id)).phone).toBe('0977000111');
    const again = await subgraph.call(DECIDE, { input: { requestId, approve: false } }, secretary());
    expect(again.data!.decideContactChange.userErrors).toEqual([{ code: 'ALREADY_DECIDED' }]);
  });

  it('refuses a malformed phone, and an empty proposal', async () => {
    const bad = await subgraph.call(PROPOSE, { input: { phone: '12' } }, personWith(t.other.id));
    expect(bad.data!.proposeContactChange.userErrors).toEqual([{ code: 'INVALID_PHONE', field: 'phone' }]);
    const empty = await subgraph.call(PROPOSE, { input: {} }, personWith(t.other.id));
    expect(empty.data!.proposeContactChange.userErrors).toEqual([{ code: 'NOTHING_TO_CHANGE', field: null }]);
  });

  it('is decided only by the secretary or deputy over the member', async () => {
    const proposed = await subgraph.call(PROPOSE, { input: { phone: '0966000222' } }, personWith(t.other.id));
    const { errors } = await subgraph.call(
      DECIDE,
      { input: { requestId: proposed.data!.proposeContactChange.request.id, approve: true } },
      personWith(t.secretary.id, 'SECRETARY', t.otherCell.path),
    );
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('can be made by the secretary for an elderly member, and the trail says who did it for whom', async () => {
    const proposed = await subgraph.call(
      PROPOSE,
      { input: { residenceAddress: 'Thôn Đoài, xã Gia Viễn, tỉnh Ninh Bình', forMemberId: t.other.id } },
      secretary(),
    );
    expect(proposed.data!.proposeContactChange.userErrors).toEqual([]);
    const log = await subgraph.call(
      'query ($id: ID!) { _entities(representations: [{ __typename: "Member", id: $id }]) { ... on Member { accessLog { action actorName onBehalfOfName } } } }',
      { id: t.other.id },
      personWith(t.other.id),
    );
    const onBehalf = log.data!._entities[0].accessLog.filter((e: { onBehalfOfName: string | null }) => e.onBehalfOfName !== null);
    expect(onBehalf).toEqual([
      { action: 'member.contactChangeProposed', actorName: (await row(t.secretary.id)).fullName, onBehalfOfName: (await row(t.other.id)).fullName },
    ]);
  });

  it('cannot be made for a member of another organization', async () => {
    const { errors } = await subgraph.call(PROPOSE, { input: { phone: '0955000333', forMemberId: t.other.id } }, personWith(t.secretary.id, 'SECRETARY', t.otherCell.path));
    expect(errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('the register’s place fields', () => {
  it('takes the residence’s administrative-unit codes and a managing committee on the member’s line, and refuses others', async () => {
    const current = await row(t.other.id);
    const bad = await subgraph.call(
      UPDATE,
      { input: { id: t.other.id, expectedVersion: current.version, residenceProvinceCode: '7', residenceCommuneCode: '12', managingCommitteeId: t.otherCell.id } },
      secretary(),
    );
    expect(bad.data!.updateMember.userErrors.map((e: { code: string }) => e.code)).toEqual(['INVALID_PROVINCE_CODE', 'INVALID_COMMUNE_CODE', 'MANAGING_COMMITTEE_NOT_ABOVE']);
    const good = await subgraph.call(
      UPDATE,
      { input: { id: t.other.id, expectedVersion: current.version, residenceProvinceCode: '37', residenceCommuneCode: '14359', managingCommitteeId: t.cell.id } },
      secretary(),
    );
    expect(good.data!.updateMember.userErrors).toEqual([]);
    expect(await row(t.other.id)).toMatchObject({ residenceProvinceCode: '37', residenceCommuneCode: '14359', managingCommitteeId: t.cell.id });
  });

  it('refuses codes the list of administrative units does not hold, and changes nothing', async () => {
    const before = await row(t.other.id);
    const attempt = async (residenceProvinceCode: string, residenceCommuneCode: string | null) => {
      const result = await subgraph.call(UPDATE.replace('userErrors { code field }', 'userErrors { code field message }'), { input: { id: t.other.id, expectedVersion: before.version, residenceProvinceCode, residenceCommuneCode } }, secretary());
      return result.data!.updateMember.userErrors.map((e: { code: string; message: string }) => [e.code, e.message]);
    };
    expect(await attempt('36', null)).toEqual([['UNKNOWN_PROVINCE_CODE', 'Mã 36 không có trong danh mục 34 tỉnh, thành phố hiện hành (từ 01/07/2025).']]);
    expect((await attempt('37', '14360'))[0]![0]).toBe('UNKNOWN_COMMUNE_CODE');
    // Phường Hoàn Kiếm is Hà Nội's: the list for Hà Nội's communes is not loaded here, and the code is not Ninh Bình's either.
    expect((await attempt('37', '00070'))[0]![0]).toBe('UNKNOWN_COMMUNE_CODE');
    expect(await row(t.other.id)).toEqual(before);
  });
});
