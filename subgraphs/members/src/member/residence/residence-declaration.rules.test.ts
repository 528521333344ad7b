import { describe, expect, it } from 'vitest';
import { residenceCellRoute } from './residence-declaration.rules.ts';

const kinds = new Map([
  ['p', 'PROVINCIAL'],
  ['w', 'PROVINCE_SUBORDINATE'],
  ['village', 'GRASSROOTS_CELL'],
  ['gc', 'GRASSROOTS_COMMITTEE'],
  ['sc', 'SUBORDINATE_CELL'],
  ['bloc', 'PROVINCE_SUBORDINATE'],
  ['army', 'CENTRAL_DIRECT_COMMITTEE'],
  ['unit', 'GRASSROOTS_CELL'],
]);

describe('a declared residence cell', () => {
  it('is confirmed by the commune-level committee above it', () => {
    expect(residenceCellRoute('/p/w/village/', kinds)).toEqual({ cellPath: '/p/w/village/', communePath: '/p/w/' });
    expect(residenceCellRoute('/p/w/gc/sc/', kinds)).toEqual({ cellPath: '/p/w/gc/sc/', communePath: '/p/w/' });
  });

  it('is a cell, and one under a commune-level committee', () => {
    expect(residenceCellRoute('/p/w/gc/', kinds)).toMatchObject({ code: 'NOT_A_CELL' });
    expect(residenceCellRoute('/p/w/unknown/', kinds)).toMatchObject({ code: 'NOT_A_CELL' });
    expect(residenceCellRoute(null, kinds)).toMatchObject({ code: 'NOT_A_CELL' });
    expect(residenceCellRoute('/army/unit/', kinds)).toMatchObject({ code: 'NO_COMMUNE_COMMITTEE' });
  });
});
