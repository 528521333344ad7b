import { signAccessToken, vietnamDay, type Identity } from '@dangvu/subgraph-kit';
import { DEMO_USERNAMES } from '@dangvu/drizzle/seed';
import type postgres from 'postgres';

/**
 * A few transfer dossiers of the demo cell, each left in another state, so that the transfer screens show
 * something on a first `npm start`: opened and taken through the gateway like any other, every step signed
 * by the officer whose it is, to the cell of the receiving demo login. Members 4, 5, 6 and 8 of the demo cell (no role, and no dossier from earlier
 * records); their dues before this month are marked paid, as a letter needs.
 */
export interface DemoDossier {
  code: string;
  state: string;
  memberName: string;
}

type Sql = postgres.Sql;
interface Org {
  id: string;
  path: string;
  name: string;
  parent_id: string | null;
  type: string;
}

/** What each demo dossier is, in the order they are opened. */
const PLAN = [
  { roster: 4, kind: 'OFFICIAL', until: 'SUBMITTED', reason: 'Chuyển công tác về phường khác' },
  { roster: 5, kind: 'OFFICIAL', until: 'REVIEWED', reason: 'Nghỉ hưu, chuyển về nơi cư trú' },
  { roster: 6, kind: 'OFFICIAL', until: 'IN_TRANSIT', reason: 'Thay đổi nơi cư trú lâu dài' },
  { roster: 8, kind: 'TEMPORARY', until: 'HOSTED', reason: 'Đi làm việc có thời hạn ở phường bạn' },
] as const;
const ORDER = ['SUBMITTED', 'REVIEWED', 'IN_TRANSIT', 'HOSTED'] as const;
const RECEIVING_USERNAME = DEMO_USERNAMES.find(([role]) => role === 'RECEIVING_SECRETARY')![1];

export async function seedDemoTransfers(
  sql: Sql,
  gateway: { url: string; authSigningKey: Parameters<typeof signAccessToken>[1] },
  demoCellName: string,
  now = new Date(),
): Promise<DemoDossier[]> {
  const today = vietnamDay(now);
  const orgs = await sql<Org[]>`select id, path, name, parent_id, type from organization.organizations`;
  const cell = orgs.find((o) => o.name === demoCellName && o.type === 'GRASSROOTS_CELL')!;
  const commune = orgs.find((o) => o.id === cell.parent_id)!;
  const secretaryOf = async (org: Org): Promise<Identity> => {
    const [grant] = await sql<{ member_id: string }[]>`
      select member_id from members.role_grants where org_id = ${org.id} and role = 'SECRETARY' and ends_on is null limit 1`;
    return { personId: grant!.member_id, grants: [{ role: 'SECRETARY', orgId: org.id, orgPath: org.path }], partner: null };
  };
  // The cell whose secretary has the receiving demo login, so that a person can carry a dossier to acceptance.
  const [receiving] = await sql<{ org_id: string }[]>`
    select g.org_id from members.role_grants g join members.accounts a on a.member_id = g.member_id
    where a.username = ${RECEIVING_USERNAME} and g.role = 'SECRETARY' and g.ends_on is null`;
  const destination = orgs.find((o) => o.id === receiving!.org_id)!;
  const officers = { cell: await secretaryOf(cell), commune: await secretaryOf(commune), destination: await secretaryOf(destination) };

  async function call<Data>(identity: Identity, query: string, variables: Record<string, unknown>): Promise<Data> {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await signAccessToken(identity, gateway.authSigningKey)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Data; errors?: { message: string }[] };
    if (body.errors?.length || !body.data) throw new Error(`demo transfer step refused: ${JSON.stringify(body.errors)}`);
    return body.data;
  }
  async function step(identity: Identity, name: string, input: Record<string, unknown>) {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}Input`;
    type Payload = { transfer: { id: string; code: string; version: number; state: string } | null; userErrors: { message: string }[] };
    const data = await call<Record<string, Payload>>(identity, `mutation ($input: ${type}!) { ${name}(input: $input) { transfer { id code version state } userErrors { code message } } }`, { input });
    const payload = data[name]!;
    if (!payload.transfer) throw new Error(`demo transfer step ${name} refused: ${payload.userErrors.map((e) => e.message).join(' ')}`);
    return payload.transfer;
  }

  const made: DemoDossier[] = [];
  for (const plan of PLAN) {
    const [member] = await sql<{ id: string; full_name: string }[]>`
      select id, full_name from members.members where org_id = ${cell.id} and roster_number = ${plan.roster}`;
    await sql`update dues.obligations set status = 'PAID_CASH', paid_at = now()
      where member_id = ${member!.id} and period < ${`${today.slice(0, 7)}-01`} and status not in ('PAID_ONLINE', 'PAID_CASH', 'WAIVED', 'PREPAID')`;
    const vouchers = await call<{ member: { transferVoucher: string }; organization: { transferVoucher: string } }>(officers.cell, 'query ($m: ID!, $d: ID!) { member(id: $m) { transferVoucher } organization(id: $d) { transferVoucher } }', {
      m: member!.id,
      d: destination.id,
    });
    const effectiveOn = vietnamDay(new Date(now.getTime() - 10 * 86_400_000));
    const [year, month] = today.split('-').map(Number) as [number, number];
    const endsOn = new Date(Date.UTC(year, month - 1 + 6, 1)).toISOString().slice(0, 10);
    let dossier = await step(officers.cell, 'startTransfer', {
      kind: plan.kind,
      memberVoucher: vouchers.member.transferVoucher,
      destinationVoucher: vouchers.organization.transferVoucher,
      reason: plan.reason,
      decisionReference: `Quyết định ${plan.roster * 17}/QĐ-UBND`,
      effectiveOn,
      ...(plan.kind === 'TEMPORARY' ? { endsOn } : {}),
      selfReview: 'Trong thời gian sinh hoạt tại chi bộ, đồng chí luôn hoàn thành tốt nhiệm vụ được giao.',
    });
    const next = async (identity: Identity, name: string, input: Record<string, unknown> = {}) => {
      dossier = await step(identity, name, { transferId: dossier.id, expectedVersion: dossier.version, ...input });
    };
    const upTo = ORDER.indexOf(plan.until);
    await next(officers.cell, 'submitTransfer');
    if (upTo >= 1) await next(officers.cell, 'reviewTransfer', { meetingOn: today, conclusion: 'Chi bộ nhất trí đề nghị của đồng chí.' });
    if (upTo >= 2) {
      const letter = await call<{ transfer: { member: { transferLetterVoucher: string } } }>(officers.commune, 'query ($id: ID!) { transfer(id: $id) { member { transferLetterVoucher } } }', { id: dossier.id });
      await next(officers.commune, 'issueTransferLetter', { letterVoucher: letter.transfer.member.transferLetterVoucher });
      await next(officers.commune, 'handOverTransferDossier');
    }
    if (upTo >= 3) {
      await next(officers.destination, 'receiveTransfer');
      await step(officers.destination, 'checkTransferDossierItems', { transferId: dossier.id, items: ['LETTER', 'RECORD', 'CARD_FORM', 'DECISIONS', 'SELF_REVIEW', 'SEAL'] });
      await next(officers.destination, 'acceptTransfer', { note: 'Đã kiểm tra đủ hồ sơ.' });
    }
    made.push({ code: dossier.code, state: dossier.state, memberName: member!.full_name });
  }
  return made;
}
