import { buildMember, buildOrganization } from '@dangvu/drizzle/testing';
import { personWith, type TestSubgraph } from '@dangvu/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMembersSubgraph } from './members-subgraph.ts';

type Node = { id: string; path: string };
let subgraph: TestSubgraph;
const t = {} as { province: Node; cell: Node; clean: Node; empty: Node; m: Record<string, { id: string }> };

const SUMMARY = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization {
  dataQuality { members membersWithIssues score checks { check pillar label count } } } } }`;
const FINDINGS = `query ($reps: [_Any!]!, $check: DataQualityCheck!, $after: ID) { _entities(representations: $reps) { ... on Organization {
  dataQualityFindings(check: $check, first: 1, after: $after) { id fullName } } } }`;
const rep = (org: Node) => ({ __typename: 'Organization', id: org.id, path: org.path });
const admin = () => personWith('00000000-0000-4000-8000-0000000000a1', 'ADMIN', t.province.path);

beforeAll(async () => {
  ({ subgraph } = await startMembersSubgraph());
  const { db } = subgraph.db;
  t.province = await buildOrganization(db);
  t.cell = await buildOrganization(db, { parent: t.province });
  t.clean = await buildOrganization(db, { parent: t.province });
  t.empty = await buildOrganization(db, { parent: t.province });
  const complete = { cardNumber: null, dossierNumber: '000001NB', rosterNumber: null } as const;
  t.m = {
    // Right in every way but its card: one finding.
    noCard: await buildMember(db, t.cell, { ...complete, fullName: 'Bùi Văn An', dossierNumber: '000002NB' }),
    // A woman's citizen ID on a man, joined at 16, no dossier number: three findings on one member.
    wrong: await buildMember(db, t.cell, { fullName: 'Cao Văn Bảo', citizenId: '037180700001', joinedOn: '1996-01-01', officialOn: '1997-01-01', cardNumber: 'NB.7001' }),
    // Two records of one person: same name and birth date.
    twinA: await buildMember(db, t.cell, { fullName: 'Đinh Thị Cúc', gender: 'FEMALE', citizenId: '037185700002', birthDate: '1985-04-04', cardNumber: 'NB.7002', dossierNumber: '000003NB' }),
    twinB: await buildMember(db, t.cell, { fullName: 'Đinh Thị Cúc', gender: 'FEMALE', citizenId: '037185700003', birthDate: '1985-04-04', cardNumber: 'NB.7003', dossierNumber: '000004NB' }),
    // Probationary for more than 12 months, and an income category without an income.
    overdue: await buildMember(db, t.cell, { fullName: 'Hà Văn Dũng', membershipKind: 'PROBATIONARY', officialOn: null, joinedOn: '2024-01-10', duesBasis: null, dossierNumber: '000005NB' }),
    fine: await buildMember(db, t.clean, { fullName: 'Kiều Văn Em', cardNumber: 'NB.7004', dossierNumber: '000006NB' }),
    // Removed from the roll: not checked.
    removed: await buildMember(db, t.clean, { fullName: 'Lò Văn Phong', activityStatus: 'REMOVED', cardNumber: null, dossierNumber: null }),
  };
});
afterAll(() => subgraph?.stop());

describe('continuous data-quality checks', () => {
  it('counts each named check and the score per organization, in one statement for several organizations', async () => {
    // A first request of the process fetches what postgres.js caches (its type lookups): warm it up first.
    await subgraph.call(SUMMARY, { reps: [rep(t.cell)] }, admin());
    subgraph.resetQueryCount();
    await subgraph.call(SUMMARY, { reps: [rep(t.cell)] }, admin());
    const forOne = subgraph.queryCount();
    subgraph.resetQueryCount();
    const { data, errors } = await subgraph.call(SUMMARY, { reps: [rep(t.cell), rep(t.clean), rep(t.empty), rep(t.province)] }, admin());
    expect(errors).toBeUndefined();
    expect([forOne, subgraph.queryCount()]).toEqual([1, 1]);
    const [cell, clean, empty, province] = data!._entities.map((org: { dataQuality: any }) => org.dataQuality);
    const count = (summary: { checks: { check: string; count: number }[] }) => Object.fromEntries(summary.checks.map((c) => [c.check, c.count]));
    expect(cell).toMatchObject({ members: 5, membersWithIssues: 5, score: 0 });
    expect(count(cell)).toEqual({
      CITIZEN_ID_MISMATCH: 1,
      JOINED_UNDER_18: 1,
      DATE_IN_FUTURE: 0,
      CARD_NUMBER_MISSING: 1,
      DOSSIER_NUMBER_MISSING: 1,
      DUES_BASIS_MISSING: 1,
      PHONE_MISSING: 0,
      ROSTER_NUMBER_DUPLICATE: 0,
      PROBABLE_DUPLICATE: 2,
      PROBATION_OVERDUE: 1,
      TEMPORARY_HOST_ENDED: 0,
    });
    expect(cell.checks[0]).toEqual({ check: 'CITIZEN_ID_MISMATCH', pillar: 'CORRECT', label: 'Số căn cước không khớp giới tính hoặc năm sinh', count: 1 });
    expect(clean).toMatchObject({ members: 1, membersWithIssues: 0, score: 100 });
    expect(empty).toMatchObject({ members: 0, score: 100 });
    expect(province).toMatchObject({ members: 6, membersWithIssues: 5, score: 16.7 });
  });

  it('lists the members a check finds, a page at a time, to the officers who fix them', async () => {
    const first = await subgraph.call(FINDINGS, { reps: [rep(t.province)], check: 'PROBABLE_DUPLICATE' }, admin());
    expect(first.data!._entities[0].dataQualityFindings).toHaveLength(1);
    const after = first.data!._entities[0].dataQualityFindings[0].id;
    const second = await subgraph.call(FINDINGS, { reps: [rep(t.province)], check: 'PROBABLE_DUPLICATE', after }, admin());
    const both = [after, second.data!._entities[0].dataQualityFindings[0].id].sort();
    expect(both).toEqual([t.m.twinA!.id, t.m.twinB!.id].sort());
  });

  it('lists every member with any finding when no check is named', async () => {
    const all = await subgraph.call(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Organization { dataQualityFindings(first: 200) { fullName } } } }`,
      { reps: [rep(t.province)] },
      admin(),
    );
    expect(all.data!._entities[0].dataQualityFindings.map((m: { fullName: string }) => m.fullName)).toEqual(['Bùi Văn An', 'Cao Văn Bảo', 'Đinh Thị Cúc', 'Đinh Thị Cúc', 'Hà Văn Dũng']);
  });

  it('gives an analyst the counts but never the members', async () => {
    const analyst = personWith('00000000-0000-4000-8000-0000000000a2', 'ANALYST', t.province.path);
    expect((await subgraph.call(SUMMARY, { reps: [rep(t.cell)] }, analyst)).data!._entities[0].dataQuality.members).toBe(5);
    const findings = await subgraph.call(FINDINGS, { reps: [rep(t.cell)], check: 'JOINED_UNDER_18' }, analyst);
    expect(findings.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const outside = await subgraph.call(FINDINGS, { reps: [rep(t.cell)], check: 'JOINED_UNDER_18' }, personWith('00000000-0000-4000-8000-0000000000a3', 'SECRETARY', t.clean.path));
    expect(outside.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });
});
