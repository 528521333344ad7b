import type { UserError } from '@dangvu/subgraph-kit';

/** The organization subgraph's kinds (docs/rules/organization-tree.md#organization-types). */
export type OrgType =
  | 'CENTRAL'
  | 'CENTRAL_DIRECT_COMMITTEE'
  | 'PROVINCIAL'
  | 'PROVINCE_SUBORDINATE'
  | 'GRASSROOTS_COMMITTEE'
  | 'GRASSROOTS_CELL'
  | 'PARTIAL_COMMITTEE'
  | 'SUBORDINATE_CELL'
  | 'PARTY_GROUP'
  | 'OVERSEAS';

/** What a dossier keeps of an organization on its path: enough to route it and to print the letter. */
export interface OrgFacts {
  id: string;
  /** Materialized path `/root/…/self/`. */
  path: string;
  code: string;
  name: string;
  type: OrgType;
}

/** An organization and the organizations above it, nearest first, up to the root as far as it was read. */
export interface OrgLine {
  organization: OrgFacts;
  above: OrgFacts[];
}

/** How the letter is issued (docs/rules/transfers.md#who-issues-the-letter). */
export type IssuingRoute = 'INTERNAL' | 'SUPERIOR' | 'PROVINCIAL_COMMISSION';

export interface DossierRoute {
  route: IssuingRoute;
  /** The committee that issues the letter, seals and hands over the dossier. */
  issuer: OrgFacts;
  /** The grassroots organization (tổ chức cơ sở đảng) the member leaves or moves within. */
  grassroots: OrgFacts;
  /**
   * The highest organization of the receiving side: on the destination's line, just below where the two lines
   * meet; null for a destination outside the system.
   */
  receivingRoot: string | null;
}

/** Kinds a member's party activity sits in: a member belongs to a cell (chi bộ). */
const CELLS: readonly OrgType[] = ['GRASSROOTS_CELL', 'SUBORDINATE_CELL'];
const GRASSROOTS: readonly OrgType[] = ['GRASSROOTS_CELL', 'GRASSROOTS_COMMITTEE'];

export const isCell = (type: OrgType) => CELLS.includes(type);

/** The path of the organization directly above `path`'s; null for a root. */
export function parentPath(path: string): string | null {
  const cut = path.slice(0, -1).lastIndexOf('/');
  return cut <= 0 ? null : path.slice(0, cut + 1);
}

/** Whether `path` lies in the subtree rooted at `root` (the root itself included). */
export const within = (path: string, root: string) => path.startsWith(root);

/** The path of the lowest organization above or at both, by their materialized paths. */
export function meetingPoint(a: string, b: string): string {
  const left = a.split('/').filter(Boolean);
  const right = b.split('/').filter(Boolean);
  let shared = 0;
  while (shared < left.length && left[shared] === right[shared]) shared++;
  return shared === 0 ? '/' : `/${left.slice(0, shared).join('/')}/`;
}

/** The organization one step below `root` on the way to `path` (`path` itself when it is directly under `root`). */
export function stepBelow(root: string, path: string): string {
  const rest = path.slice(root.length).split('/').filter(Boolean);
  return `${root}${rest[0]}/`;
}

const refused = (code: string, field: string, message: string): UserError => ({ code, field, message });

/**
 * Who issues the letter for a member of `origin` going to `destinationPath` (null: outside the system),
 * per docs/rules/transfers.md#who-issues-the-letter: within one grassroots organization the short internal
 * path, its own committee issuing; otherwise the grassroots organization's immediate superior, or the
 * provincial organization commission when that superior is the provincial committee itself.
 */
export function dossierRoute(origin: OrgLine, destinationPath: string | null): DossierRoute | UserError {
  const line = [origin.organization, ...origin.above];
  if (!isCell(origin.organization.type)) {
    return refused('ORIGIN_NOT_A_CELL', 'memberVoucher', 'Đảng viên phải đang sinh hoạt ở một chi bộ thì mới chuyển sinh hoạt được.');
  }
  const grassrootsAt = line.findIndex((org) => GRASSROOTS.includes(org.type));
  const grassroots = line[grassrootsAt];
  const superior = line[grassrootsAt + 1];
  if (!grassroots || !superior) {
    return refused('ORIGIN_OUTSIDE_TREE', 'memberVoucher', 'Không xác định được tổ chức cơ sở đảng và cấp trên trực tiếp của chi bộ đảng viên đang sinh hoạt.');
  }
  if (destinationPath !== null) {
    if (destinationPath === origin.organization.path) {
      return refused('SAME_ORGANIZATION', 'destinationVoucher', 'Nơi chuyển đến trùng với chi bộ đảng viên đang sinh hoạt.');
    }
    const receivingRoot = stepBelow(meetingPoint(origin.organization.path, destinationPath), destinationPath);
    if (within(destinationPath, grassroots.path)) return { route: 'INTERNAL', issuer: grassroots, grassroots, receivingRoot };
    return { route: superior.type === 'PROVINCIAL' ? 'PROVINCIAL_COMMISSION' : 'SUPERIOR', issuer: superior, grassroots, receivingRoot };
  }
  return { route: superior.type === 'PROVINCIAL' ? 'PROVINCIAL_COMMISSION' : 'SUPERIOR', issuer: superior, grassroots, receivingRoot: null };
}

/** The paths a dossier is routed along, as stored on it. */
export interface DossierLines {
  originPath: string;
  issuerPath: string;
  /** Null for a destination outside the system. */
  destinationPath: string | null;
  receivingRootPath: string | null;
}

/**
 * The sending side: the organizations on the origin's line below the issuer (the cell, and a partial or
 * grassroots committee between it and the issuer). Their officers review the request.
 */
export const onSendingSide = (grantPath: string, lines: DossierLines) =>
  within(lines.originPath, grantPath) && within(grantPath, lines.issuerPath) && grantPath !== lines.issuerPath;

/** The issuing committee itself: its officers issue the letter; an officer above it does not act in its place. */
export const isIssuer = (grantPath: string, lines: DossierLines) => grantPath === lines.issuerPath;

/** The receiving side: the destination and the organizations above it up to the receiving root. */
export const onReceivingSide = (grantPath: string, lines: DossierLines) =>
  lines.destinationPath !== null && lines.receivingRootPath !== null && within(lines.destinationPath, grantPath) && within(grantPath, lines.receivingRootPath);
