/** Vietnamese personal names, weighted roughly as they occur. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Vũ', 4], ['Phan', 4.5], ['Đặng', 2],
  ['Bùi', 2], ['Đỗ', 1.5], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5], ['Đinh', 1], ['Trịnh', 1],
  ['Đoàn', 0.8], ['Lương', 0.6], ['Mai', 0.6], ['Tạ', 0.4], ['Cao', 0.5], ['Lưu', 0.4],
];

export const MIDDLE_NAMES = {
  MALE: ['Văn', 'Văn', 'Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Ngọc', 'Thanh', 'Đình', 'Trọng', 'Quốc', 'Mạnh'],
  FEMALE: ['Thị', 'Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Kim', 'Phương', 'Thúy', 'Bích', 'Diệu'],
} as const;

export const GIVEN_NAMES = {
  MALE: [
    'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Khoa', 'Lâm',
    'Long', 'Mạnh', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành',
    'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ',
  ],
  FEMALE: [
    'Anh', 'Chi', 'Diệp', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huệ', 'Hương', 'Lan', 'Liên',
    'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Tâm', 'Thảo',
    'Thu', 'Thủy', 'Trang', 'Tuyết', 'Uyên', 'Vân', 'Yến',
  ],
} as const;

export const ETHNICITIES: readonly (readonly [string, number])[] = [
  ['Kinh', 96], ['Mường', 3], ['Tày', 0.5], ['Dao', 0.3], ['Thái', 0.2],
];

export const VILLAGES = [
  'Đông', 'Đoài', 'Thượng', 'Hạ', 'Trung', 'Nam', 'Bắc', 'Phú Hậu', 'Yên Thịnh', 'An Hòa', 'Đồng Tâm',
  'Tân Tiến', 'Quyết Thắng', 'Hưng Long', 'Phúc Lộc', 'Văn Phong', 'Đại Đồng', 'Thành Công',
];

export const STREETS = ['Trần Hưng Đạo', 'Lê Hồng Phong', 'Đinh Tiên Hoàng', 'Lê Lợi', 'Nguyễn Huệ', 'Tràng An', 'Lương Văn Tụy', 'Quang Trung'];

/**
 * Where a member of a village cell works, when they work: places without a party organization of their own, so
 * that their official activity is rightly at the village (a teacher or a commune official would be a member of
 * the school's or the agency's cell). Whether the job pays social insurance decides the dues category.
 */
export const WORKPLACES = [
  ['Hộ kinh doanh cá thể', 'Chủ hộ kinh doanh', false],
  ['Làm nông nghiệp tại địa phương', 'Nông dân', false],
  ['Lao động tự do', 'Lao động tự do', false],
  ['Hợp tác xã Nông nghiệp', 'Xã viên', false],
  ['Công ty TNHH May Ninh Bình', 'Công nhân', true],
  ['Công ty TNHH Thương mại Hoa Lư', 'Nhân viên', true],
  ['Cửa hàng vật liệu xây dựng', 'Nhân viên', true],
  ['Xưởng cơ khí tư nhân', 'Thợ cơ khí', true],
] as const;
