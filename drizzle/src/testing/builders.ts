import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { Db } from '../client.ts';
import { accounts, members, organizationKinds, organizations, roleGrants } from '../schema/index.ts';

type OrganizationInsert = typeof organizations.$inferInsert;
type MemberInsert = typeof members.$inferInsert;

let sequence = 0;
const next = () => ++sequence;

/** Inserts an organization under `parent` (or a root), with its materialized path. */
export async function buildOrganization(
  db: Db,
  fields: Partial<OrganizationInsert> & { parent?: { id: string; path: string } } = {},
) {
  const id = fields.id ?? randomUUID();
  const { parent, ...rest } = fields;
  const [row] = await db
    .insert(organizations)
    .values({
      id,
      code: `T${next()}`,
      name: `Chi bộ thử ${sequence}`,
      type: parent ? 'GRASSROOTS_CELL' : 'PROVINCIAL',
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      ...rest,
    })
    .returning();
  // The register's copy of the kind, as organization.typed keeps it.
  await db.insert(organizationKinds).values({ orgId: row!.id, orgPath: row!.path, type: row!.type });
  return row!;
}

/** Inserts a valid member of `organization`; override any field. */
export async function buildMember(db: Db, organization: { id: string; path: string }, fields: Partial<MemberInsert> = {}) {
  const n = next();
  const [row] = await db
    .insert(members)
    .values({
      fullName: `Nguyễn Văn Thử ${n}`,
      gender: 'MALE',
      birthDate: '1980-05-17',
      citizenId: `0370800${String(n).padStart(5, '0')}`,
      ethnicity: 'Kinh',
      hometown: 'Xã Gia Viễn, tỉnh Ninh Bình',
      residenceAddress: 'Thôn Đông, xã Gia Viễn, tỉnh Ninh Bình',
      phone: '0912345678',
      joinedOn: '2010-03-26',
      officialOn: '2011-03-26',
      membershipKind: 'OFFICIAL',
      orgId: organization.id,
      orgPath: organization.path,
      duesCategory: 'SOCIAL_INSURANCE_SALARY',
      duesBasis: 8_000_000,
      ...fields,
    })
    .returning();
  return row!;
}

/** An active account for `member` that signs in with `password`. */
export async function buildAccount(db: Db, member: { id: string }, username: string, password: string) {
  const passwordHash = await hash(password);
  const [row] = await db.insert(accounts).values({ memberId: member.id, username, passwordHash, status: 'ACTIVE' }).returning();
  return row!;
}

export async function grantRole(
  db: Db,
  member: { id: string },
  role: (typeof roleGrants.$inferInsert)['role'],
  organization: { id: string; path: string },
  fields: { startsOn?: string; endsOn?: string | null } = {},
) {
  await db.insert(roleGrants).values({
    memberId: member.id,
    role,
    orgId: organization.id,
    orgPath: organization.path,
    startsOn: fields.startsOn ?? '2020-01-01',
    endsOn: fields.endsOn ?? null,
  });
}
