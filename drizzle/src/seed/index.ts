import { hash } from '@node-rs/argon2';
import type postgres from 'postgres';
import type { Sql } from '../client.ts';

type Tx = postgres.TransactionSql;
import { copyRows } from './copy.ts';
import { planOrganizations, type SeedOrganization, type SeedScale } from './organizations.ts';
import { makeMember, Uniques, type SeedMember } from './people.ts';
import { Random } from './random.ts';
// A peer dependency (package.json): the dues subgraph depends on this package, and its rate calculator is what the demo's dues must agree with.
import { quoteDues } from '@dangvu/subgraph-dues/rates';

/** Published in the README and the start-up banner; it meets the members' own password policy (scripts/test/demo-mode.test.ts). */
export const DEMO_PASSWORD = 'Dangvu@2026';

export type DemoRole =
  | 'MEMBER'
  | 'SECRETARY'
  | 'DEPUTY_SECRETARY'
  | 'FINANCE_MEMBER'
  | 'COMMITTEE_SECRETARY'
  | 'RECEIVING_SECRETARY'
  | 'ADMIN'
  | 'PROVINCE_ADMIN'
  | 'ANALYST';

export interface DemoAccount {
  role: DemoRole;
  username: string;
  password: string;
  fullName: string;
  organizationName: string;
}

export type { SeedScale } from './organizations.ts';

/** How many members each scale holds unless told otherwise. */
export const SCALE_MEMBERS: Readonly<Record<SeedScale, number>> = { demo: 3_000, province: 300_000 };

export interface SeedOptions {
  members: number;
  /** The shape of the tree (organizations.ts): a few even communes, or the whole province. */
  scale?: SeedScale;
  seed?: number;
  /** The day the data is "as of": dues run for the twelve months up to it. */
  asOf?: Date;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export interface SeedResult {
  organizations: number;
  members: number;
  obligations: number;
  transfers: number;
  accounts: DemoAccount[];
  /** The demo member's cell, as the profile page shows it. */
  demoCell: { name: string; secretaryName: string };
  /** The cell of another ward whose secretary has the receiving demo login: where the demo dossiers go. */
  receivingCell: { id: string; name: string };
}

export const MIN_MEMBERS = 200;

/** Communes and wards of the two-level local government exist from this day (docs/rules/organization-tree.md#two-level-local-government). */
const TREE_SINCE = '2025-07-01';

/** What each demo account is, as the banner and the README name it. */
export const DEMO_ROLE_LABELS: Record<DemoRole, string> = {
  MEMBER: 'Đảng viên',
  SECRETARY: 'Bí thư chi bộ',
  DEPUTY_SECRETARY: 'Phó bí thư',
  FINANCE_MEMBER: 'Ủy viên tài chính',
  COMMITTEE_SECRETARY: 'Bí thư đảng ủy phường',
  RECEIVING_SECRETARY: 'Bí thư chi bộ nơi đến',
  ADMIN: 'Quản trị (phường)',
  PROVINCE_ADMIN: 'Quản trị (tỉnh)',
  ANALYST: 'Người lập báo cáo',
};

/** One demo account per role, all with DEMO_PASSWORD. */
export const DEMO_USERNAMES = [
  ['MEMBER', 'dangvien.demo'],
  ['SECRETARY', 'bithu.demo'],
  ['DEPUTY_SECRETARY', 'phobithu.demo'],
  ['FINANCE_MEMBER', 'taichinh.demo'],
  // A transfer's other two sides (docs/rules/transfers.md): the demo cell's ward committee issues the letter,
  // and a cell of another ward receives the member.
  ['COMMITTEE_SECRETARY', 'bithu.phuong'],
  ['RECEIVING_SECRETARY', 'bithu.noiden'],
  ['ADMIN', 'quantri.demo'],
  // Registers partner systems (docs/api.md): an administrator of the whole province.
  ['PROVINCE_ADMIN', 'quantri.tinh'],
  ['ANALYST', 'baocao.demo'],
] as const satisfies readonly (readonly [DemoRole, string])[];

const MEMBER_COLUMNS = [
  'id', 'full_name', 'gender', 'birth_date', 'citizen_id', 'ethnicity', 'hometown', 'residence_address', 'residence_org_id', 'residence_province_code',
  'residence_commune_code', 'workplace',
  'position', 'phone', 'joined_on', 'official_on', 'card_number', 'dossier_number', 'roster_number', 'membership_kind',
  'activity_status', 'org_id', 'org_path', 'dues_category', 'dues_basis',
] as const;

const monthStart = (date: Date, monthsBack: number) =>
  new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, 1)).toISOString().slice(0, 10);

/** Loads a whole demo province into an empty, migrated database: deterministic for a given seed and day. */
export async function seedDemoData(sql: Sql, options: SeedOptions): Promise<SeedResult> {
  if (options.members < MIN_MEMBERS) throw new Error(`at least ${MIN_MEMBERS} members are needed for the demo accounts`);
  const random = new Random(options.seed ?? 2026);
  const asOf = options.asOf ?? new Date();
  const progress = options.onProgress ?? (() => {});
  const organizations = planOrganizations(random, options.members, options.scale);
  const uniques = new Uniques();

  return sql.begin(async (tx) => {
    const [existing] = await tx<{ count: string }[]>`select count(*) from organization.organizations`;
    if (Number(existing!.count) > 0) throw new Error('the database already holds organizations; seed only an empty one');
    await copyRows(
      tx,
      'organization.organizations',
      ['id', 'code', 'name', 'type', 'parent_id', 'path', 'in_rollout_scope', 'administrative_unit_code'],
      organizations.map((o) => [o.id, o.code, o.name, o.type, o.parentId, o.path, o.inRolloutScope, unitServed(o)]),
    );
    // As the organization.typed events would leave it, with each commune committee's administrative unit.
    await copyRows(tx, 'members.organization_kinds', ['org_id', 'org_path', 'type', 'administrative_unit_code'], organizations.map((o) => [o.id, o.path, o.type, unitServed(o)]));
    // The members subgraph's copy of the roll-out settings that are not the default, as the organization.rolloutSet events would leave it.
    await copyRows(
      tx,
      'members.rollout_settings',
      ['org_id', 'org_path', 'in_rollout_scope'],
      organizations.filter((o) => !o.inRolloutScope).map((o) => [o.id, o.path, false]),
    );
    // The demo tree as it has stood since the two-level reform took effect.
    await copyRows(
      tx,
      'organization.organization_versions',
      ['org_id', 'name', 'type', 'parent_id', 'path', 'valid_from'],
      organizations.map((o) => [o.id, o.name, o.type, o.parentId, o.path, TREE_SINCE]),
    );

    const members: SeedMember[] = [];
    const byCell = new Map<string, SeedMember[]>();
    const villageCells = Map.groupBy(
      organizations.filter((o) => o.unit === 'village'),
      (o) => o.commune,
    );
    for (const org of organizations) {
      const cell: SeedMember[] = [];
      const villages = villageCells.get(org.commune) ?? [];
      for (let roster = 1; roster <= org.size; roster++) cell.push(makeMember(random, uniques, org, roster, asOf, villages));
      byCell.set(org.id, cell);
      members.push(...cell);
      progress(members.length, options.members, 'đảng viên');
    }
    await copyRows(tx, 'members.members', MEMBER_COLUMNS, members.map((m) => MEMBER_COLUMNS.map((column) => memberValue(m, column))));
    await copyRows(
      tx,
      'organization.member_counts',
      ['org_id', 'members'],
      organizations.map((o) => [o.id, byCell.get(o.id)?.length ?? 0]),
    );

    // The dues subgraph's roll of payers, as the 0015 migration makes it from an existing register.
    await tx`
      insert into dues.payers (member_id, org_id, org_path, category, basis, birth_date, sex, collects_from)
      select id, org_id, org_path, dues_category::text::dues.payer_category, dues_basis, birth_date, gender::text::dues.payer_sex,
             date_trunc('month', joined_on)::date
      from members.members where activity_status not in ('REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT')`;
    const obligations = await loadObligations(tx, random, members, organizations, asOf, progress);
    const transfers = await loadTransfers(tx, random, members, organizations, asOf);
    const { accounts, demoCell, receivingCell } = await loadOfficersAndAccounts(tx, organizations, byCell, asOf);
    await loadDuesSetup(tx, new Random((options.seed ?? 2026) + 1), organizations);
    await loadMemberAccounts(tx, random, asOf);
    progress(options.members, options.members, 'xong');
    return { organizations: organizations.length, members: members.length, obligations, transfers, accounts, demoCell, receivingCell };
  });
}

/**
 * Accounts for the other members, so that the monthly report has something to say (docs/rules/reports.md#member-figures):
 * each cell its own pace, from about a third of its members activated to nearly all, so some cells lag; about
 * nine in ten issued; of the activated, most signed in during the last 30 days. Their password is a random
 * secret hashed once and never shown: only the demo accounts sign in. The demo cell's ward and the receiving
 * cell's ward get none, so the walkthroughs that issue and activate accounts there start as before.
 */
async function loadMemberAccounts(tx: Tx, random: Random, asOf: Date) {
  const unusable = await hash(random.uuid() + random.uuid());
  // A stable number 0–99 per row from its id, so the same seed gives the same accounts.
  const share = (column: string) => `(('x' || substr(md5(${column}::text), 1, 7))::bit(28)::int % 100)`;
  await tx.unsafe(
    `insert into members.accounts (member_id, username, password_hash, status)
     select m.id, 'dv.' || replace(m.id::text, '-', ''),
            case when ${share("m.id || 'a'")} < 30 + 0.68 * ${share('m.org_id')} then $1 end,
            case when ${share("m.id || 'a'")} < 30 + 0.68 * ${share('m.org_id')} then 'ACTIVE' else 'PENDING' end::members.account_status
     from members.members m
     where m.activity_status not in ('REMOVED', 'EXPELLED', 'DECEASED', 'TRANSFERRED_OUT')
       and ${share("m.id || 'i'")} < 92
       and not exists (select 1 from members.accounts a where a.member_id = m.id)
       -- The wards of the demo cell and of the receiving cell stay as the demo's walkthroughs and tests know them: accounts issued by hand.
       and not exists (select 1 from members.accounts d join members.members dm on dm.id = d.member_id
                       where d.username in ('dangvien.demo', 'bithu.noiden')
                         and m.org_path like regexp_replace(dm.org_path, '[^/]+/$', '') || '%')`,
    [unusable],
  );
  await tx.unsafe(
    `insert into members.sessions (account_id, member_id, second_factor, started_at, expires_at, ended_at, end_reason)
     select a.id, a.member_id, false, $1::timestamptz - (${share("a.id || 's'")} % 45) * interval '1 day',
            $1::timestamptz - (${share("a.id || 's'")} % 45) * interval '1 day' + interval '8 hours',
            $1::timestamptz - (${share("a.id || 's'")} % 45) * interval '1 day' + interval '1 hour', 'LOGOUT'
     from members.accounts a
     where a.status = 'ACTIVE' and a.username like 'dv.%' and ${share("a.id || 'u'")} < 80`,
    [asOf.toISOString()],
  );
}

/** The administrative unit a commune committee serves (docs/rules/organization-tree.md#administrative-unit); none for the made-up communes. */
const unitServed = (o: SeedOrganization) => (o.unit === 'committee' && o.type === 'PROVINCE_SUBORDINATE' ? o.commune!.code : null);

function memberValue(member: SeedMember, column: (typeof MEMBER_COLUMNS)[number]): string | number | null {
  const key = column.replace(/_(\w)/g, (_, c: string) => c.toUpperCase()) as keyof SeedMember;
  return member[key] as string | number | null;
}

/**
 * Twelve months of dues up to `asOf`'s month (none before joining): mostly paid, some overdue, this month partly due.
 * Each month's amount is the dues subgraph's calculator's for that month (docs/rules/dues-rates.md), so the months
 * before 02/2026 are at the 2010 rates and the later ones at the 2026 rates; the area of the 2010 rates for members
 * without income is the commune's (a ward's urban, a commune's other).
 */
async function loadObligations(
  tx: Tx,
  random: Random,
  members: readonly SeedMember[],
  organizations: readonly SeedOrganization[],
  asOf: Date,
  progress: NonNullable<SeedOptions['onProgress']>,
): Promise<number> {
  const communeOf = new Map(organizations.map((o) => [o.id, o.commune!]));
  const amount = (member: SeedMember, period: string) => {
    const commune = communeOf.get(member.orgId)!;
    const quoted = quoteDues({
      category: member.duesCategory,
      basis: member.duesBasis === null ? null : BigInt(member.duesBasis),
      wageRegion: `REGION_${commune.region}`,
      localityClass: commune.kind === 'Phường' ? 'PROVINCIAL_URBAN' : 'OTHER',
      birthDate: member.birthDate,
      sex: member.gender,
      month: period.slice(0, 7),
    });
    if (!quoted.ok) throw new Error(`demo dues for ${member.fullName}, ${period}: ${quoted.userErrors.map((e) => e.code).join(', ')}`);
    return Number(quoted.quote.amount);
  };
  let count = 0;
  function* rows() {
    for (const [index, member] of members.entries()) {
      for (let back = 11; back >= 0; back--) {
        const period = monthStart(asOf, back);
        if (period < member.joinedOn.slice(0, 7) + '-01') continue;
        const status = member.duesWaived
          ? 'WAIVED'
          : back === 0
            ? random.weighted([['DUE', 4], ['PAID_ONLINE', 4], ['PAID_CASH', 2]] as const)
            : random.weighted([['PAID_ONLINE', 60], ['PAID_CASH', 35], ['OVERDUE', 5]] as const);
        const paidAt = status.startsWith('PAID') ? `${period.slice(0, 8)}${String(random.int(1, 28)).padStart(2, '0')}T09:00:00+07:00` : null;
        count++;
        yield [random.uuid(), member.id, member.orgId, period, member.duesWaived ? 0 : amount(member, period), status, paidAt] as const;
      }
      if (index % 1000 === 0) progress(index, members.length, 'đảng phí');
    }
  }
  await copyRows(tx, 'dues.obligations', ['id', 'member_id', 'org_id', 'period', 'amount', 'status', 'paid_at'], rows());
  return count;
}

const TRANSFER_REASONS = [
  'Chuyển công tác sang đơn vị mới',
  'Nghỉ hưu, chuyển về nơi cư trú',
  'Thay đổi nơi cư trú lâu dài',
  'Đi học tập trung trong nước',
  'Đi làm việc có thời hạn ở địa phương khác',
];

/** About one member in a hundred has a transfer dossier, in every state; the demo member has a draft. */
async function loadTransfers(
  tx: Tx,
  random: Random,
  members: readonly SeedMember[],
  organizations: readonly SeedOrganization[],
  asOf: Date,
): Promise<number> {
  const cells = organizations.filter((o) => o.size > 0);
  const states = ['DRAFT', 'SUBMITTED', 'REVIEWED', 'LETTER_ISSUED', 'IN_TRANSIT', 'RECEIVED', 'COMPLETED', 'CANCELLED'] as const;
  const rows: (string | null)[][] = [];
  const demoMember = demoMemberOf(organizations, members);
  for (const member of members) {
    const isDemo = member === demoMember;
    if (!isDemo && (member.rosterNumber <= 8 || !random.chance(0.01))) continue;
    const kind = !isDemo && random.chance(0.4) ? 'TEMPORARY' : 'OFFICIAL';
    const effective = new Date(asOf.getTime() - random.int(5, 90) * 86_400_000);
    const destination = random.pick(cells.filter((cell) => cell.id !== member.orgId));
    rows.push([
      random.uuid(),
      member.id,
      kind,
      isDemo ? 'DRAFT' : random.pick(states),
      member.orgId,
      isDemo || random.chance(0.2) ? null : destination.id,
      isDemo ? 'Thay đổi nơi cư trú lâu dài' : random.pick(TRANSFER_REASONS),
      effective.toISOString().slice(0, 10),
      kind === 'TEMPORARY' ? new Date(effective.getTime() + 180 * 86_400_000).toISOString().slice(0, 10) : null,
    ]);
  }
  await copyRows(
    tx,
    'transfers.transfers',
    ['id', 'member_id', 'kind', 'state', 'from_org_id', 'to_org_id', 'reason', 'effective_on', 'planned_end_on'],
    rows,
  );
  return rows.length;
}

/** The first village cell of the first commune is the demo cell; its seventh member is the demo member. */
function demoMemberOf(organizations: readonly SeedOrganization[], members: readonly SeedMember[]): SeedMember {
  const cell = organizations.find((o) => o.unit === 'village')!;
  return members.find((m) => m.orgId === cell.id && m.rosterNumber === 7)!;
}

/**
 * Every cell and commune committee gets its secretary, deputy and finance member (role grants from the
 * first rosters); one account per role signs in with the demo password.
 */
/** Grassroots organizations and the committees above that may hold a dues account (docs/rules/bank-accounts.md). */
const ACCOUNT_TYPES = new Set(['PROVINCIAL', 'PROVINCE_SUBORDINATE', 'GRASSROOTS_COMMITTEE', 'GRASSROOTS_CELL']);

/** As a bank holds an account's name: upper case, without diacritics, at most 50 characters. */
const holderName = (name: string) =>
  name.replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z ]/g, ' ').replace(/ +/g, ' ').trim().toUpperCase().slice(0, 50).trim();

/**
 * The dues subgraph's copy of the tree (paths and types), as the migration makes it from an existing one;
 * each organization's minimum-wage region (its commune's), so that a month's run makes obligations for members
 * without income; and dues accounts at Agribank for most organizations that may hold one (the demo cell always,
 * so that its members pay by QR), in the organization subgraph and in the dues subgraph's copy of them.
 */
async function loadDuesSetup(tx: Tx, random: Random, organizations: readonly SeedOrganization[]) {
  await tx`insert into dues.organizations (org_id, path, type) select id, path, type::text from organization.organizations`;
  await copyRows(
    tx,
    'dues.org_wage_regions',
    ['org_id', 'region'],
    organizations.filter((o) => o.commune).map((o) => [o.id, `REGION_${o.commune!.region}`]),
  );
  const demoCell = organizations.find((o) => o.unit === 'village')!;
  // Kept out of the roll-out with the organization above it that was (docs/rules/organization-tree.md#roll-out-scope).
  const outOfScope = new Set(organizations.filter((o) => !o.inRolloutScope).map((o) => o.id));
  const inScope = (o: SeedOrganization) => !o.path.split('/').some((id) => outOfScope.has(id));
  const holders = organizations.filter((o) => ACCOUNT_TYPES.has(o.type) && inScope(o) && (o === demoCell || random.chance(0.85)));
  const accounts = holders.map((o) => ({
    org: o,
    number: String(random.int(1, 9)) + Array.from({ length: 12 }, () => random.int(0, 9)).join(''),
    holder: holderName(o.name),
  }));
  await copyRows(tx, 'organization.bank_accounts', ['org_id', 'bank_bin', 'account_number', 'holder_name'], accounts.map((a) => [a.org.id, '970405', a.number, a.holder]));
  await copyRows(
    tx,
    'dues.collection_accounts',
    ['org_id', 'org_path', 'bank_bin', 'account_number', 'holder_name'],
    accounts.map((a) => [a.org.id, a.org.path, '970405', a.number, a.holder]),
  );
}

async function loadOfficersAndAccounts(
  tx: Tx,
  organizations: readonly SeedOrganization[],
  byCell: ReadonlyMap<string, SeedMember[]>,
  asOf: Date,
): Promise<{ accounts: DemoAccount[]; demoCell: SeedResult['demoCell']; receivingCell: SeedResult['receivingCell'] }> {
  const since = monthStart(asOf, 18);
  const grants: (string | null)[][] = [];
  const grant = (member: SeedMember, role: string, org: SeedOrganization) =>
    grants.push([member.id, role, org.id, org.path, since, null]);
  for (const org of organizations) {
    const cell = byCell.get(org.id) ?? [];
    if (cell.length >= 3) {
      grant(cell[0]!, 'SECRETARY', org);
      if (cell.length >= 10) grant(cell[1]!, 'DEPUTY_SECRETARY', org);
      grant(cell[2]!, 'FINANCE_MEMBER', org);
    }
    if (org.type === 'PROVINCE_SUBORDINATE') {
      // A commune committee's officers sit in its agency cell, a bloc's in its first cell.
      const agency = organizations.find((o) => o.parentId === org.id && (org.unit === 'bloc' || o.unit === 'agency'))!;
      const staff = byCell.get(agency.id)!;
      grant(staff[3]!, 'SECRETARY', org);
      grant(staff[4]!, 'DEPUTY_SECRETARY', org);
      grant(staff[5]!, 'FINANCE_MEMBER', org);
    }
  }
  const demoCell = organizations.find((o) => o.unit === 'village')!;
  const commune = organizations.find((o) => o.id === demoCell.parentId)!;
  const province = organizations.find((o) => o.parentId === null)!;
  const cellMembers = byCell.get(demoCell.id)!;
  const communeStaff = byCell.get(organizations.find((o) => o.parentId === commune.id && o.unit === 'agency')!.id)!;
  const otherCommunes = new Set(organizations.filter((o) => o.unit === 'committee' && o.type === 'PROVINCE_SUBORDINATE' && o.id !== commune.id).map((o) => o.id));
  // Only a cell of three or more has a secretary (above); another name than the demo cell's, not to confuse the two.
  const receivingCell = organizations.find(
    (o) => o.type === 'GRASSROOTS_CELL' && otherCommunes.has(o.parentId!) && o.name !== demoCell.name && (byCell.get(o.id)?.length ?? 0) >= 3,
  )!;
  const admin = communeStaff[6]!;
  const analyst = communeStaff[7]!;
  const provinceAdmin = communeStaff[8]!;
  grant(admin, 'ADMIN', commune);
  grant(analyst, 'ANALYST', province);
  grant(provinceAdmin, 'ADMIN', province);
  await copyRows(tx, 'members.role_grants', ['member_id', 'role', 'org_id', 'org_path', 'starts_on', 'ends_on'], grants);

  const holders: Record<DemoRole, [SeedMember, SeedOrganization]> = {
    MEMBER: [demoMemberOf(organizations, cellMembers), demoCell],
    SECRETARY: [cellMembers[0]!, demoCell],
    DEPUTY_SECRETARY: [cellMembers[1]!, demoCell],
    FINANCE_MEMBER: [cellMembers[2]!, demoCell],
    COMMITTEE_SECRETARY: [communeStaff[3]!, commune],
    RECEIVING_SECRETARY: [byCell.get(receivingCell.id)![0]!, receivingCell],
    ADMIN: [admin, commune],
    PROVINCE_ADMIN: [provinceAdmin, province],
    ANALYST: [analyst, province],
  };
  const demo = DEMO_USERNAMES.map(([role, username]) => [role, username, ...holders[role]] as const);
  const passwordHash = await hash(DEMO_PASSWORD);
  await copyRows(
    tx,
    'members.accounts',
    ['member_id', 'username', 'password_hash', 'status'],
    demo.map(([, username, member]) => [member.id, username, passwordHash, 'ACTIVE']),
  );
  return {
    accounts: demo.map(([role, username, member, org]) => ({
      role,
      username,
      password: DEMO_PASSWORD,
      fullName: member.fullName,
      organizationName: org.name,
    })),
    demoCell: { name: demoCell.name, secretaryName: cellMembers[0]!.fullName },
    receivingCell: { id: receivingCell.id, name: receivingCell.name },
  };
}
