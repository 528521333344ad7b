import { describe, expect, it } from 'vitest';
import { flagsDue } from './comment-reminders.job.ts';
import { checkDueOn, DUTIES, planCampaign, readComment, scanFileName, type CampaignMember } from './residence-comment.rules.ts';

const member = (id: string, fields: Partial<CampaignMember> = {}): CampaignMember => ({ id, orgId: 'school', activityStatus: 'ACTIVE', residenceOrgId: 'village', ...fields });

describe('planCampaign', () => {
  it('leaves out by the register and by the workplace’s word, each with its reason, and does not list terminal members', () => {
    const plan = planCampaign(
      [
        member('asked'),
        member('unknown residence', { residenceOrgId: null }),
        ...(['EXEMPT', 'TEMP_EXEMPT', 'ABROAD', 'IN_TRANSFER'] as const).map((status) => member(status, { activityStatus: status })),
        member('temporarily away', { activityStatus: 'TEMP_AWAY' }),
        member('home cell', { residenceOrgId: 'school' }),
        member('soldier'),
        ...['REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT'].map((status) => member(status, { activityStatus: status })),
      ],
      [{ memberId: 'soldier', reason: 'BARRACKS' }],
    );
    expect(plan.errors).toEqual([]);
    expect(plan.asked.map((m) => m.id)).toEqual(['asked', 'unknown residence', 'temporarily away']);
    expect(plan.exempt).toEqual([
      { memberId: 'EXEMPT', reason: 'EXEMPT_FROM_ACTIVITY' },
      { memberId: 'TEMP_EXEMPT', reason: 'TEMPORARILY_EXEMPT' },
      { memberId: 'ABROAD', reason: 'ABROAD' },
      { memberId: 'IN_TRANSFER', reason: 'IN_TRANSFER' },
      { memberId: 'home cell', reason: 'LIVES_WHERE_WORKS' },
      { memberId: 'soldier', reason: 'BARRACKS' },
    ]);
  });

  it('refuses a reason the register decides, and a member outside the organization or no longer live', () => {
    const plan = planCampaign([member('a'), member('gone', { activityStatus: 'DECEASED' })], [
      { memberId: 'a', reason: 'ABROAD' },
      { memberId: 'gone', reason: 'FULL_TIME_STUDY' },
      { memberId: 'stranger', reason: 'BARRACKS' },
    ]);
    expect(plan.errors.map((e) => e.code)).toEqual(['INVALID_EXEMPTION', 'NOT_IN_ORGANIZATION', 'NOT_IN_ORGANIZATION']);
  });
});

describe('readComment', () => {
  const every = DUTIES.map((duty) => ({ duty, assessment: 'WELL' as const, remark: '  ' }));

  it('keeps the duties in the article’s order, blank remarks as none, the overall remark trimmed', () => {
    const { comment, errors } = readComment({ duties: [...every].reverse(), overall: '  Gương mẫu ở khu dân cư.  ' });
    expect(errors).toEqual([]);
    expect(comment.duties.map((d) => d.duty)).toEqual([...DUTIES]);
    expect(comment.duties[0]!.remark).toBeNull();
    expect(comment.overall).toBe('Gương mẫu ở khu dân cư.');
  });

  it('names a missing duty, a repeated one and a thin overall remark', () => {
    const { errors } = readComment({ duties: [...every.slice(1), every[1]!], overall: 'Tốt' });
    expect(errors.map((e) => e.code)).toEqual(['DUTY_REPEATED', 'DUTY_MISSING', 'OVERALL_REQUIRED']);
    expect(errors[1]!.message).toBe('Còn thiếu nhận xét về: Nêu gương về phẩm chất chính trị, đạo đức, lối sống.');
  });
});

describe('the small checks', () => {
  it.each([
    ['2026-11-02', 'DUE_DATE_PASSED'],
    ['2026-11-03', null],
    ['2027-11-02', null],
    ['2027-11-03', 'DUE_DATE_TOO_FAR'],
  ])('a due day of %s, today 2026-11-02: %s', (dueOn, code) => {
    expect(checkDueOn(dueOn, '2026-11-02')?.code ?? null).toBe(code);
  });

  it.each([
    ['nhan-xet.pdf', true],
    ['Ảnh chụp 01.JPG', true],
    ['thu-muc/nhan-xet.pdf', false],
    ['nhan-xet.docx', false],
    ['.pdf', false],
  ])('the scan file name %s is accepted: %s', (name, ok) => {
    expect(typeof scanFileName(name) === 'string').toBe(ok);
  });

  it.each([
    ['2026-12-07', { dueOn: '2026-12-15', remindedOn: null, overdueOn: null }, null],
    ['2026-12-08', { dueOn: '2026-12-15', remindedOn: null, overdueOn: null }, { remindedOn: '2026-12-08' }],
    ['2026-12-15', { dueOn: '2026-12-15', remindedOn: '2026-12-08', overdueOn: null }, null],
    ['2026-12-16', { dueOn: '2026-12-15', remindedOn: '2026-12-08', overdueOn: null }, { overdueOn: '2026-12-16' }],
    ['2026-12-17', { dueOn: '2026-12-15', remindedOn: '2026-12-08', overdueOn: '2026-12-16' }, null],
  ])('on %s the daily job sets what is due once', (day, row, flags) => {
    expect(flagsDue(row, day)).toEqual(flags);
  });
});
