import type { UserError } from '@dangvu/subgraph-kit';

/** One paper of the dossier the receiving side checks (docs/rules/transfers.md#what-the-receiving-side-checks). */
export type DossierItem = 'LETTER' | 'RECORD' | 'CARD_FORM' | 'DECISIONS' | 'SELF_REVIEW' | 'SEAL';

/** The item list, in the order the papers are checked, each as the screen and the refusal name it. */
export const DOSSIER_ITEMS: readonly { item: DossierItem; label: string }[] = [
  { item: 'LETTER', label: 'Giấy giới thiệu sinh hoạt đảng, có chữ ký, dấu của cấp ủy nơi đi' },
  { item: 'RECORD', label: 'Lý lịch đảng viên' },
  { item: 'CARD_FORM', label: 'Phiếu đảng viên' },
  { item: 'DECISIONS', label: 'Quyết định kết nạp (và công nhận đảng viên chính thức, nếu có)' },
  { item: 'SELF_REVIEW', label: 'Bản tự kiểm điểm, có nhận xét của chi bộ nơi đi' },
  { item: 'SEAL', label: 'Hồ sơ còn niêm phong, có xác nhận của người quản lý hồ sơ nơi đi' },
];

/**
 * Why the member cannot be accepted yet: an item of the list not found present. The seal with the sending
 * dossier-keeper's confirmation is one of them, without which the receiving side must not accept.
 */
export function uncheckedItemsError(checked: readonly DossierItem[]): UserError | null {
  const missing = DOSSIER_ITEMS.filter(({ item }) => !checked.includes(item));
  if (missing.length === 0) return null;
  return {
    code: 'DOSSIER_NOT_CHECKED',
    field: 'items',
    message: `Chưa kiểm đủ hồ sơ theo danh mục, còn: ${missing.map(({ label }) => label.split(',')[0]).join('; ')}. Thiếu thành phần nào thì không tiếp nhận, ghi lý do.`,
  };
}
