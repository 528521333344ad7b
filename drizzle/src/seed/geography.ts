/**
 * The demo province: Ninh Bình as merged on 1 July 2025 (the former Ninh Bình, Hà Nam and Nam Định),
 * with communes and wards of the new two-level administration. Region is the minimum-wage region
 * (Nghị định 293/2025/NĐ-CP) the commune falls in, as far as the demo needs it.
 */
export const PROVINCE = {
  name: 'Ninh Bình',
  code: 'NB',
  /** Birth-province codes that open a citizen ID (CCCD): Ninh Bình, Hà Nam, Nam Định. */
  citizenIdPrefixes: ['037', '035', '036'],
} as const;

export interface Commune {
  kind: 'Phường' | 'Xã';
  name: string;
  region: 'II' | 'III';
}

export const COMMUNES: readonly Commune[] = [
  { kind: 'Phường', name: 'Hoa Lư', region: 'II' },
  { kind: 'Phường', name: 'Tam Điệp', region: 'II' },
  { kind: 'Phường', name: 'Phủ Lý', region: 'II' },
  { kind: 'Phường', name: 'Nam Định', region: 'II' },
  { kind: 'Xã', name: 'Gia Viễn', region: 'III' },
  { kind: 'Xã', name: 'Nho Quan', region: 'III' },
  { kind: 'Xã', name: 'Kim Sơn', region: 'III' },
  { kind: 'Xã', name: 'Yên Mô', region: 'III' },
  { kind: 'Xã', name: 'Hải Hậu', region: 'III' },
  { kind: 'Xã', name: 'Giao Thủy', region: 'III' },
  { kind: 'Xã', name: 'Bình Lục', region: 'III' },
  { kind: 'Xã', name: 'Lý Nhân', region: 'III' },
];

/** Regional minimum monthly wage from 1 January 2026, whole dong. */
export const MINIMUM_WAGE = { II: 4_730_000, III: 4_140_000 } as const;
