import type { UserError } from '@dangvu/subgraph-kit';

const CELLS = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];
/** The commune, ward or special-zone committee: the level that introduces members to its residence cells. */
const COMMUNE = 'PROVINCE_SUBORDINATE';

/**
 * Where a declared residence cell stands: the cell's own path and that of the commune-level committee above it,
 * which confirms (docs/rules/member-register.md#residence); or why it cannot be one.
 */
export function residenceCellRoute(cellPath: string | null, kinds: ReadonlyMap<string, string>): { cellPath: string; communePath: string } | UserError {
  const ids = cellPath?.split('/').filter(Boolean) ?? [];
  const cellId = ids.at(-1);
  if (!cellPath || !cellId || !CELLS.includes(kinds.get(cellId) ?? '')) {
    return { code: 'NOT_A_CELL', field: 'cellId', message: 'Hãy chọn một chi bộ (chi bộ nơi cư trú), không phải một đảng bộ.' };
  }
  for (let depth = ids.length - 1; depth > 0; depth--) {
    if (kinds.get(ids[depth - 1]!) === COMMUNE) return { cellPath, communePath: `/${ids.slice(0, depth).join('/')}/` };
  }
  return { code: 'NO_COMMUNE_COMMITTEE', field: 'cellId', message: 'Chi bộ này không thuộc đảng ủy xã, phường, đặc khu nào để xác nhận nơi cư trú.' };
}
