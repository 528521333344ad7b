import { describe, expect, it } from 'vitest';
import { decisionErrors, endedMembershipMessage } from './status.rules.ts';

const TODAY = '2026-03-15';

describe('the decision record', () => {
  it('takes a reference, a day not in the future nor before the application, a plain file name', () => {
    expect(decisionErrors({ decidedOn: '2026-03-10', reference: ' 05-NQ/CB ', attachmentName: 'nghi-quyet-05.pdf' }, TODAY, '2026-03-01')).toEqual([]);
  });

  it.each([
    [{ decidedOn: '2026-03-10', reference: '  ' }, 'INVALID_REFERENCE'],
    [{ decidedOn: '2026-03-16', reference: '05-NQ/CB' }, 'DECISION_DATE_IN_FUTURE'],
    [{ decidedOn: '2026-02-28', reference: '05-NQ/CB' }, 'DECISION_BEFORE_APPLICATION'],
    [{ decidedOn: '2026-03-10', reference: '05-NQ/CB', attachmentName: '../etc/passwd' }, 'INVALID_ATTACHMENT_NAME'],
  ])('refuses %j with %s', (decision, code) => {
    expect(decisionErrors(decision, TODAY, '2026-03-01').map((e) => e.code)).toEqual([code]);
  });
});

describe('what sign-in says to a member whose membership ended', () => {
  it('names the status in Vietnamese for the terminal ones, nothing for the others', () => {
    expect(endedMembershipMessage('EXPELLED')?.message).toContain('đảng viên đã bị khai trừ');
    expect(endedMembershipMessage('DECEASED')?.code).toBe('MEMBERSHIP_ENDED');
    expect(endedMembershipMessage('EXEMPT')).toBeNull();
  });
});
