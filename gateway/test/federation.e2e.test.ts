import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../src/testing/platform.ts';
import { loginAs, post } from './http-helpers.ts';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform?.stop());

const PROFILE = `{ me { fullName organization { name parent { name } officers { role fullName } }
  duesStanding { unpaidMonths amountOwed paidThrough } transfers { state reason fromOrganization { name } } } }`;

describe('one query through the gateway', () => {
  it('joins the member (members), their cell (organization), dues standing (dues) and transfers (transfers)', async () => {
    const token = await loginAs(platform, 'MEMBER');
    const { status, body } = await post(platform, { query: PROFILE }, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const me = body.data!.me;
    expect(me.fullName).toBe(platform.demo.member.fullName);
    expect(me.organization.name).toBe(platform.demo.member.cellName);
    expect(me.organization.parent.name).toMatch(/^Đảng bộ (phường|xã) /);
    expect(me.organization.officers).toContainEqual({ role: 'SECRETARY', fullName: platform.demo.member.secretaryName });
    expect(me.duesStanding.paidThrough === null || /^\d{4}-\d{2}$/.test(me.duesStanding.paidThrough)).toBe(true);
    expect(me.duesStanding.amountOwed).toMatch(/^\d+$/);
    expect(me.transfers).toEqual([
      { state: 'DRAFT', reason: 'Thay đổi nơi cư trú lâu dài', fromOrganization: { name: platform.demo.member.cellName } },
    ]);
  });

  it('lets the cell secretary read the member’s dues and transfers, and refuses another member', async () => {
    const memberId = (await post(platform, { query: '{ me { id } }' }, { authorization: `Bearer ${await loginAs(platform, 'MEMBER')}` }))
      .body.data!.me.id;
    const secretary = await loginAs(platform, 'SECRETARY');
    const ofMember = `{ me { organization { members { id fullName duesStanding { unpaidMonths } transfers { state } } } } }`;
    const answer = await post(platform, { query: ofMember }, { authorization: `Bearer ${secretary}` });
    expect(answer.body.errors).toBeUndefined();
    const listed = answer.body.data!.me.organization.members.find((m: { id: string }) => m.id === memberId);
    expect(listed).toMatchObject({ fullName: platform.demo.member.fullName, transfers: [{ state: 'DRAFT' }] });

    const asMember = await post(platform, { query: ofMember }, { authorization: `Bearer ${await loginAs(platform, 'MEMBER')}` });
    // members is non-null: the refusal nulls its nearest nullable parent, `me`.
    expect(asMember.body.data!.me).toBeNull();
    expect(asMember.body.errors!.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
  });
});
