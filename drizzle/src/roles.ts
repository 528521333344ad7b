import { randomBytes } from 'node:crypto';
import type { Sql } from './client.ts';
import { SCHEMA_NAMES, SERVICE_NAMES, type ServiceName } from './schema/names.ts';

export type ServicePasswords = Record<ServiceName, string>;

/** The database role a subgraph's process connects as: it owns nothing, so it can neither alter nor disable what guards the tables. */
export const serviceRole = (service: ServiceName) => `dangvu_${service}`;

/** Schemas a service reads and writes as its own, beyond the one named after it. */
const ALSO_OWNED: Partial<Record<ServiceName, readonly string[]>> = {
  // The working-day calendar's yearly schedule is kept by the transfers subgraph (docs/rules/working-days.md).
  transfers: ['calendar'],
};

/**
 * What each service may do outside its own schema. Appending to the audit trail needs only the columns that
 * find a chain's head; reading the trail (who viewed or changed a record) is the members subgraph's.
 * Consumers lock the event they handle (FOR UPDATE), which PostgreSQL grants only with UPDATE on a column:
 * one is granted, and a trigger refuses every UPDATE and DELETE on events whatever is granted.
 */
function sharedGrants(role: string, service: ServiceName): string[] {
  return [
    `GRANT USAGE ON SCHEMA audit, outbox, jobs, calendar, idempotency TO ${role}`,
    service === 'members'
      ? `GRANT SELECT, INSERT ON audit.entries TO ${role}`
      : `GRANT INSERT, SELECT (id, chain, hash) ON audit.entries TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE (created_at) ON outbox.events TO ${role}`,
    `GRANT SELECT, INSERT ON outbox.deliveries TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE ON jobs.runs TO ${role}`,
    `GRANT SELECT ON calendar.adjustments TO ${role}`,
    // Every subgraph records and replays the answers of keyed mutations, and forgets them once expired.
    `GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency.keys, idempotency.answers TO ${role}`,
  ];
}

function ownSchemaGrants(role: string, schema: string): string[] {
  return [
    `GRANT USAGE ON SCHEMA ${schema} TO ${role}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`,
  ];
}

/** A password of 32 random bytes, URL-safe so that it can stand in a connection URL as it is. */
export const generatePassword = () => randomBytes(32).toString('base64url');

export const generateServicePasswords = (): ServicePasswords =>
  Object.fromEntries(SERVICE_NAMES.map((service) => [service, generatePassword()])) as ServicePasswords;

/** `url` (the owner's) with the service's role and password instead: same server, database and options. */
export function serviceDatabaseUrl(url: string, service: ServiceName, password: string): string {
  const parsed = new URL(url);
  parsed.username = serviceRole(service);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** Why the roles could not be set up, with what the database's administrator can do about it. */
export class ServiceRoleError extends Error {}

const quoted = (text: string) => `'${text.replaceAll("'", "''")}'`;
const code = (error: unknown) => (error as { code?: string }).code;

const ATTRIBUTES = 'LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT';
const SUPERUSER_ONLY = new Set(['SUPERUSER', 'REPLICATION', 'BYPASSRLS']);

/**
 * Creates each service's role when missing and sets its password when one is given. Creating or changing a
 * role needs CREATEROLE (or a superuser); without it, roles an administrator created beforehand keep the
 * passwords the administrator gave them, and are returned so that the caller can ask for those. A missing
 * role, or one with an attribute a service must not have, stops with what to do.
 */
export async function ensureServiceRoles(sql: Sql, passwords: Partial<ServicePasswords> = {}): Promise<{ passwordsKept: ServiceName[] }> {
  const passwordsKept: ServiceName[] = [];
  for (const service of SERVICE_NAMES) {
    if ((await concurrently(() => ensureRole(sql, service, passwords[service]))) === 'kept') passwordsKept.push(service);
  }
  return { passwordsKept };
}

/** What PostgreSQL answers when another session creates or alters the same role at the same moment. */
const RACED = new Set(['XX000', '23505', '42710']);

/**
 * Roles belong to the whole server, not to one database, so no advisory lock (per database) orders two
 * migrations of different databases on one server (parallel test runs, two installations): the loser of a
 * race on a role tries again, and then finds the role made.
 */
async function concurrently<T>(work: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries || !RACED.has(code(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

/**
 * The roles (ensureServiceRoles), then exactly the grants of the table above after revoking everything else
 * in the platform's schemas. Run as the tables' owner after every migration (the migrate step does), so
 * that tables added since get their grants and privileges taken out of the table go.
 */
export async function applyServiceRoles(sql: Sql, passwords: Partial<ServicePasswords> = {}): Promise<{ passwordsKept: ServiceName[] }> {
  const roles = await ensureServiceRoles(sql, passwords);
  await sql.begin(async (tx) => {
    for (const service of SERVICE_NAMES) {
      const role = serviceRole(service);
      const owned = [service, ...(ALSO_OWNED[service] ?? [])];
      const statements = [
        ...SCHEMA_NAMES.flatMap((schema) => [
          `REVOKE ALL ON ALL TABLES IN SCHEMA ${schema} FROM ${role}`,
          `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${schema} FROM ${role}`,
          `REVOKE ALL ON SCHEMA ${schema} FROM ${role}`,
        ]),
        ...sharedGrants(role, service),
        ...owned.flatMap((schema) => ownSchemaGrants(role, schema)),
      ];
      for (const statement of statements) await tx.unsafe(statement);
    }
  });
  return roles;
}

interface ExistingRole {
  /** Attributes a service's role must not have, by their SQL names. */
  powers: string[];
  /** Roles it is a member of, whose privileges it could take (SET ROLE). */
  memberOf: string[];
}

async function existingRole(sql: Sql, role: string): Promise<ExistingRole | null> {
  const [row] = await sql<ExistingRole[]>`
    select array_remove(array[
        case when r.rolsuper then 'SUPERUSER' end, case when r.rolcreaterole then 'CREATEROLE' end,
        case when r.rolcreatedb then 'CREATEDB' end, case when r.rolreplication then 'REPLICATION' end,
        case when r.rolbypassrls then 'BYPASSRLS' end], null)::text[] as powers,
      array(select g.rolname from pg_auth_members m join pg_roles g on g.oid = m.roleid where m.member = r.oid)::text[] as "memberOf"
    from pg_roles r where r.rolname = ${role}`;
  return row ?? null;
}

async function ensureRole(sql: Sql, service: ServiceName, password: string | undefined): Promise<'set' | 'kept'> {
  const role = serviceRole(service);
  const existing = await existingRole(sql, role);
  if (existing?.memberOf.length) {
    throw new ServiceRoleError(
      `Vai trò ${role} đang là thành viên của ${existing.memberOf.join(', ')}; hãy thu hồi (REVOKE … FROM ${role}) rồi chạy lại. / ` +
        `${role} is a member of ${existing.memberOf.join(', ')}: revoke that membership and run again.`,
    );
  }
  const withPassword = password === undefined ? '' : ` PASSWORD ${quoted(password)}`;
  // ALTER names a superuser-only attribute (SUPERUSER, REPLICATION, BYPASSRLS) only to take it away: merely
  // naming one needs a superuser, whatever its value, which a CREATEROLE owner is not.
  const taken = existing?.powers.filter((power) => SUPERUSER_ONLY.has(power)).map((power) => ` NO${power}`) ?? [];
  const attributes = existing ? `LOGIN NOINHERIT NOCREATEDB NOCREATEROLE${taken.join('')}` : ATTRIBUTES;
  try {
    await sql.unsafe(`${existing ? 'ALTER' : 'CREATE'} ROLE ${role} WITH ${attributes}${withPassword}`);
    return 'set';
  } catch (error) {
    if (code(error) === '42710') return ensureRole(sql, service, password); // created meanwhile by another migrator
    if (code(error) !== '42501') throw error;
    const [{ user } = { user: '?' }] = await sql<{ user: string }[]>`select current_user as user`;
    if (!existing) {
      throw new ServiceRoleError(
        `Người dùng ${user} của cơ sở dữ liệu không được tạo vai trò ${role}. Cấp quyền CREATEROLE cho ${user}, hoặc nhờ người quản trị ` +
          `tạo sẵn: CREATE ROLE ${role} WITH ${ATTRIBUTES} PASSWORD '…', rồi chạy lại. / ` +
          `${user} may not create the role ${role}: give it CREATEROLE, or have an administrator create it (${ATTRIBUTES}) and run again.`,
        { cause: error },
      );
    }
    if (existing.powers.length) {
      throw new ServiceRoleError(
        `Vai trò ${role} có quyền ${existing.powers.join(', ')} mà ${user} không gỡ được; nhờ người quản trị gỡ rồi chạy lại. / ` +
          `${role} holds ${existing.powers.join(', ')}, which ${user} may not take away: have an administrator remove them.`,
        { cause: error },
      );
    }
    return 'kept';
  }
}
