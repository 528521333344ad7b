import { describe, expect, it } from 'vitest';
import { DOSSIER_ITEMS, uncheckedItemsError } from './dossier-items.rules.ts';

describe('the receiving side’s item list', () => {
  it('lets the member be accepted once every item is found present', () => {
    expect(uncheckedItemsError(DOSSIER_ITEMS.map(({ item }) => item))).toBeNull();
  });

  it('names, in Vietnamese, every item not yet found present', () => {
    expect(uncheckedItemsError(['LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS'])).toEqual({
      code: 'DOSSIER_NOT_CHECKED',
      field: 'items',
      message: expect.stringContaining('còn: Bản tự kiểm điểm; Hồ sơ còn niêm phong'),
    });
    expect(uncheckedItemsError([])!.message).toContain('Giấy giới thiệu sinh hoạt đảng; Lý lịch đảng viên');
  });
});
