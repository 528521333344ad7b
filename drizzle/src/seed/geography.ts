/**
 * The demo province: Ninh Bình as merged on 1 July 2025 (the former Ninh Bình, Hà Nam and Nam Định),
 * with communes and wards of the new two-level administration. Region is the minimum-wage region
 * (Nghị định 293/2025/NĐ-CP) the commune falls in, as far as the demo needs it.
 */
export const PROVINCE = {
  name: 'Ninh Bình',
  code: 'NB',
  /** Its code in the list of administrative units. */
  unitCode: '37',
  /** Birth-province codes that open a citizen ID (CCCD): Ninh Bình, Hà Nam, Nam Định. */
  citizenIdPrefixes: ['037', '035', '036'],
} as const;

export interface Commune {
  kind: 'Phường' | 'Xã';
  name: string;
  region: 'II' | 'III';
  /** Its code in the list of administrative units (docs/rules/member-register.md#administrative-units); none for the made-up ones. */
  code: string | null;
}

export const COMMUNES: readonly Commune[] = [
  { kind: 'Phường', name: 'Hoa Lư', region: 'II', code: '14329' },
  { kind: 'Phường', name: 'Tam Điệp', region: 'II', code: '14362' },
  { kind: 'Phường', name: 'Phủ Lý', region: 'II', code: '13291' },
  { kind: 'Phường', name: 'Nam Định', region: 'II', code: '13666' },
  { kind: 'Xã', name: 'Gia Viễn', region: 'III', code: '14464' },
  { kind: 'Xã', name: 'Nho Quan', region: 'III', code: '14428' },
  { kind: 'Xã', name: 'Kim Sơn', region: 'III', code: '14638' },
  { kind: 'Xã', name: 'Yên Mô', region: 'III', code: '14701' },
  { kind: 'Xã', name: 'Hải Hậu', region: 'III', code: '14215' },
  { kind: 'Xã', name: 'Giao Thủy', region: 'III', code: '14167' },
  { kind: 'Xã', name: 'Bình Lục', region: 'III', code: '13504' },
  { kind: 'Xã', name: 'Lý Nhân', region: 'III', code: '13573' },
];

/**
 * The merged province has 129 communes and wards (97 xã, 32 phường) since 1 July 2025. The province-sized data
 * set has as many: the twelve above, then more named the way communes commonly are, from two words of good
 * omen or place (names made up for the demo, fixed for a given count).
 */
export const PROVINCE_COMMUNE_COUNT = { ward: 32, commune: 97 } as const;

const NAME_HEADS = ['An', 'Bình', 'Phú', 'Yên', 'Thanh', 'Hòa', 'Tân', 'Hưng', 'Đông', 'Trung', 'Xuân', 'Vĩnh', 'Quang', 'Kim', 'Gia', 'Hồng'];
const NAME_TAILS = ['Lộc', 'Thịnh', 'Phúc', 'Sơn', 'Hải', 'Lâm', 'Minh', 'Thành', 'Thuận', 'Nghĩa', 'Khánh', 'Long', 'Lạc', 'Định', 'Mỹ', 'Tiến'];

export function provinceCommunes(): Commune[] {
  const taken = new Set(COMMUNES.map((commune) => commune.name));
  const names = NAME_TAILS.flatMap((tail) => NAME_HEADS.map((head) => `${head} ${tail}`)).filter((name) => !taken.has(name));
  const wards = PROVINCE_COMMUNE_COUNT.ward - COMMUNES.filter((commune) => commune.kind === 'Phường').length;
  const total = PROVINCE_COMMUNE_COUNT.ward + PROVINCE_COMMUNE_COUNT.commune - COMMUNES.length;
  return [
    ...COMMUNES,
    ...names.slice(0, total).map((name, index): Commune => (index < wards ? { kind: 'Phường', name, region: 'II', code: null } : { kind: 'Xã', name, region: 'III', code: null })),
  ];
}
