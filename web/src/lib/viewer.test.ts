import { describe, expect, it } from 'vitest';
import type { ViewerQuery } from './graphql/generated/graphql.ts';
import { viewerOf } from './viewer.ts';

const cell = { id: 'cell', name: 'Chi bộ thôn Đông' };
const ward = { id: 'ward', name: 'Đảng bộ phường Nam Thành' };
const answer = (grants: NonNullable<ViewerQuery['me']>['roleGrants'], homes: (typeof cell)[], searchMembers = true): ViewerQuery => ({
  me: { id: 'm1', fullName: 'Nguyễn Thị Hạ', organization: cell, roleGrants: grants },
  viewerCan: { searchMembers, homeOrganizations: homes },
});
const grant = (role: 'SECRETARY' | 'ADMIN', organization: typeof cell, startsOn = '2025-01-01', endsOn: string | null = null) => ({
  role,
  startsOn,
  endsOn,
  organization: { id: organization.id },
});

describe('the signed-in viewer', () => {
  it('is a plain member, whose organization page is their own cell, when no role is in force', () => {
    expect(viewerOf(answer([], [], false), '2026-12-01')).toEqual({ id: 'm1', fullName: 'Nguyễn Thị Hạ', roles: 'Đảng viên', canSearch: false, homes: [cell] });
  });

  it('names the roles in force today and opens the organizations where they are held', () => {
    const viewer = viewerOf(answer([grant('SECRETARY', cell), grant('ADMIN', ward)], [ward, cell]), '2026-12-01');
    expect(viewer).toMatchObject({ roles: 'Bí thư, Quản trị', homes: [ward, cell] });
  });

  it('leaves out a role ended, not yet begun, or withheld from the session', () => {
    const grants = [grant('SECRETARY', cell, '2020-01-01', '2026-12-01'), grant('ADMIN', ward, '2026-12-02'), grant('SECRETARY', ward)];
    expect(viewerOf(answer(grants, [cell]), '2026-12-01')?.roles).toBe('Đảng viên');
  });
});
