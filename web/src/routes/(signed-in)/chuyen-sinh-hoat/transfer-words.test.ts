import { describe, expect, it } from 'vitest';
import { deadlineWords, stepName } from './transfer-words.ts';

describe('a dossier’s deadline in words', () => {
  it('counts working days left, says today, and says how late once past', () => {
    expect(deadlineWords({ overdue: false, workingDaysLeft: 12 })).toBe('còn 12 ngày làm việc');
    expect(deadlineWords({ overdue: false, workingDaysLeft: 0 })).toBe('hạn là hôm nay');
    expect(deadlineWords({ overdue: true, workingDaysLeft: -3 })).toBe('quá hạn 3 ngày làm việc');
    // The day after the due day over a weekend counts no working day yet: still overdue, at least one.
    expect(deadlineWords({ overdue: true, workingDaysLeft: 0 })).toBe('quá hạn 1 ngày làm việc');
  });

  it('names every step of the timeline, and a QR handover', () => {
    expect(stepName('ISSUE_LETTER')).toBe('Cấp giấy giới thiệu');
    expect(stepName('HANDOVER')).toBe('Bàn giao hồ sơ (quét mã QR)');
  });
});
