/**
 * What the receiving side checks in a dossier before accepting the member (docs/rules/transfers.md#rejected-and-refused):
 * the letter, and the dossier's papers as the sending side's dossier-keeper sealed them.
 */
export const DOSSIER_ITEMS = [
  { id: 'letter', label: 'Giấy giới thiệu sinh hoạt đảng, có chữ ký, dấu của cấp ủy nơi đi' },
  { id: 'record', label: 'Lý lịch đảng viên' },
  { id: 'card', label: 'Phiếu đảng viên' },
  { id: 'decisions', label: 'Quyết định kết nạp (và công nhận đảng viên chính thức, nếu có)' },
  { id: 'selfReview', label: 'Bản tự kiểm điểm, có nhận xét của chi bộ nơi đi' },
  { id: 'seal', label: 'Hồ sơ còn niêm phong, có xác nhận của người quản lý hồ sơ nơi đi' },
] as const;
