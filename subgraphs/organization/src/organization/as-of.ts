import type { OrganizationRow, OrganizationVersionRow } from './organization.repository.ts';

/**
 * An organization as it stood on `asOf`: today's row with that day's name, kind, parent and path.
 * `currentPath` keeps where it stands today, which is what anything the viewer may do now is decided on.
 */
export type OrganizationAsOf = OrganizationRow & { asOf?: string; currentPath?: string };

export function asOf(organization: OrganizationRow, version: OrganizationVersionRow, day: string): OrganizationAsOf {
  return {
    ...organization,
    name: version.name,
    type: version.type,
    parentId: version.parentId,
    path: version.path,
    asOf: day,
    currentPath: organization.path,
  };
}
