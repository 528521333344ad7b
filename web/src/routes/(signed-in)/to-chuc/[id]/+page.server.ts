import { error } from '@sveltejs/kit';
import { settle } from '#lib/form-result.ts';
import { mutate, query } from '#lib/server/gateway.ts';
import { vietnamDay } from '#lib/vietnam-time.ts';
import { criteriaOf, firstPageFields, listArguments, nextPageFields, type ListCriteria } from './member-list.ts';
import { loadRecord } from '#lib/server/partial-query.ts';
import { OrganizationPageQuery, OrganizationReadinessQuery, OrganizationRestrictedQuery, RequireSecondFactorMutation, SetBankAccountMutation } from './organization.graphql.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The restricted parts with as much of the member list as the visitor may read: each member's dues standing
 * and dossiers are their own subgraphs' to allow, and one refused nulls the whole list, so the richest
 * answer is asked first and a refusal asks again with less (a finance member reads dues, not dossiers).
 */
async function loadRestricted(event: Parameters<PageServerLoad>[0], members: boolean, secondFactor: boolean, criteria: ListCriteria) {
  const base = { id: event.params.id, members, secondFactor, ...listArguments(criteria) };
  for (const [dues, dossiers] of [
    [true, true],
    [true, false],
    [false, false],
  ] as const) {
    const outcome = await query(event, OrganizationRestrictedQuery, { ...base, dues, dossiers });
    if (outcome.code === 'FORBIDDEN' && members && (dues || dossiers)) continue;
    return { ...outcome, dues, dossiers };
  }
  throw new Error('unreachable: the last try asks for nothing refusable');
}

/** Anyone may open an organization of the tree; its officers' names answer null to those who may not read them (a neighbouring cell's members), and the page shows the rest. */
export const load: PageServerLoad = async (event) => {
  const { organization, banks } = await loadRecord(event, OrganizationPageQuery, { id: event.params.id }, (data) =>
    data.organization ? { organization: data.organization, banks: data.banks } : null,
  );
  const { listMembers, requireSecondFactor } = organization.viewerCan;
  const criteria = criteriaOf(event.url);
  const restricted = listMembers || requireSecondFactor ? await loadRestricted(event, listMembers, requireSecondFactor, criteria) : null;
  // A filter the API refuses (one letter, a cursor from another order) is said beside the list's form.
  const listProblem = restricted?.code === 'BAD_USER_INPUT' ? (restricted.message ?? 'Điều kiện lọc không hợp lệ.') : null;
  if (restricted?.code && !listProblem) error(restricted.code === 'FORBIDDEN' ? 403 : 502, restricted.code === 'FORBIDDEN' ? 'Đồng chí không có quyền xem trang này.' : 'Chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.');
  const today = vietnamDay(new Date());
  // The panel is a part of its own: when its figures cannot be read, the rest of the page still shows.
  const readiness = organization.viewerCan.seeMonthlyReports
    ? ((await query(event, OrganizationReadinessQuery, { id: event.params.id, month: today.slice(0, 7) })).data?.organization ?? null)
    : null;
  const list = restricted?.data?.organization?.memberList ?? null;
  return {
    organization,
    banks,
    listed: listMembers,
    criteria,
    listProblem,
    members: list,
    temporaryMembers: restricted?.data?.organization?.temporaryMembers ?? null,
    shows: { dues: restricted?.dues ?? false, dossiers: restricted?.dossiers ?? false },
    nextPage: list?.pageInfo.hasNextPage && list.pageInfo.endCursor ? nextPageFields(event.url, list.pageInfo.endCursor, list.edges.length, criteria) : null,
    firstPage: criteria.after ? firstPageFields(event.url) : null,
    today,
    readiness,
    secondFactorRequired: restricted?.data?.organization?.secondFactorRequired ?? null,
  };
};

export const actions: Actions = {
  /** The organization's dues account, set by its own secretary or finance member, or an officer of a committee above. */
  bankAccount: async (event) => {
    const form = await event.request.formData();
    const values = {
      bankBin: String(form.get('bankBin') ?? ''),
      accountNumber: String(form.get('accountNumber') ?? ''),
      holderName: String(form.get('holderName') ?? ''),
    };
    const { data, code } = await mutate(event, SetBankAccountMutation, { input: { organizationId: event.params.id, ...values } });
    return settle(
      'bankAccount',
      { code, payload: data?.setBankAccount },
      { forbidden: 'Chỉ bí thư, ủy viên quản lý tài chính của tổ chức này hoặc cấp ủy viên cấp trên được đặt tài khoản.', done: 'Đã lưu tài khoản nhận đảng phí.' },
      values,
    );
  },
  /** Whether the role holders of the organization's subtree must sign in with a second factor: its administrators decide. */
  secondFactor: async (event) => {
    const required = (await event.request.formData()).get('required') === 'true';
    const { data, code } = await mutate(event, RequireSecondFactorMutation, { input: { organizationId: event.params.id, required } });
    return settle(
      'secondFactor',
      { code, payload: data?.requireSecondFactor },
      {
        forbidden: 'Chỉ quản trị viên phụ trách tổ chức này được thay đổi yêu cầu.',
        notFound: 'Tổ chức chưa có đảng viên nên chưa cần đặt yêu cầu này.',
        done: (payload) =>
          payload.required
            ? 'Đã bắt buộc xác thực hai lớp cho người giữ chức trách của tổ chức này.'
            : 'Đã bỏ yêu cầu xác thực hai lớp cho người giữ chức trách của tổ chức này.',
      },
    );
  },
};
