import { formatDay } from '#lib/format.ts';
import type { RegisterImportStatus } from '#lib/graphql/generated/graphql.ts';

/** The register fields an import compares (docs/rules/register-import.md#columns), as the export's headers name them. */
export const FIELD_LABELS: Record<string, string> = {
  fullName: 'Họ và tên',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  joinedOn: 'Ngày vào Đảng',
  officialOn: 'Ngày chính thức',
  membershipKind: 'Đảng viên chính thức/dự bị',
  cardNumber: 'Số thẻ đảng viên',
  dossierNumber: 'Số lý lịch',
  ethnicity: 'Dân tộc',
  hometown: 'Quê quán',
  residenceAddress: 'Nơi cư trú',
};

/** The values the API gives as codes, said as the register says them. */
const VALUE_LABELS: Record<string, string> = { MALE: 'Nam', FEMALE: 'Nữ', OFFICIAL: 'Chính thức', PROBATIONARY: 'Dự bị' };

/** A before or after value: days as dd/mm/yyyy, codes in words, nothing as a dash. */
export function fieldValue(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  return VALUE_LABELS[value] ?? value;
}

export const STATUS_LABELS: Record<RegisterImportStatus, string> = {
  ANALYSING: 'Đang đối chiếu với sổ đảng viên',
  READY: 'Chờ duyệt',
  REFUSED: 'Bị từ chối: tệp có dòng sai',
  APPLIED: 'Đã cập nhật xong',
};

type Counts = { newRows: number; changed: number; duplicates: number; missing: number; invalid: number };
type Rows<Row> = { newRows: Row[]; changedRows: Row[]; duplicateRows: Row[]; missingRows: Row[]; invalidRows: Row[] };

/** The diff's groups, in the order the page shows them, with what each means for the administrator. */
export const GROUPS = [
  { id: 'moi', rows: 'newRows', count: 'newRows', title: 'Đảng viên mới', note: 'Chưa có trong sổ: duyệt để thêm vào tổ chức ghi trong tệp.' },
  {
    id: 'thay-doi',
    rows: 'changedRows',
    count: 'changed',
    title: 'Có thay đổi',
    note: 'Duyệt để cập nhật các trường khác nhau; họ tên, giới tính, ngày sinh, ngày chính thức được gửi cấp ủy quản lý hồ sơ duyệt.',
  },
  {
    id: 'co-the-trung',
    rows: 'duplicateRows',
    count: 'duplicates',
    title: 'Có thể trùng',
    note: 'Giống một đảng viên đã có (cùng ngày sinh, tên gần giống) hoặc thuộc tổ chức khác: kiểm tra lại số CCCD, không cập nhật.',
  },
  { id: 'thieu', rows: 'missingRows', count: 'missing', title: 'Có trong sổ nhưng không có trong tệp', note: 'Chỉ để đối chiếu: nhập tệp không xóa tên ai.' },
  { id: 'loi', rows: 'invalidRows', count: 'invalid', title: 'Không cập nhật được', note: 'Xem lỗi của từng dòng.' },
] as const satisfies readonly { id: string; rows: keyof Rows<unknown>; count: keyof Counts; title: string; note: string }[];
