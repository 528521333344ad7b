import { error } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { TransferDeskQuery } from './transfers.graphql.ts';
import type { PageServerLoad } from './$types';

/**
 * The member's own dossiers, and each organization's desk the viewer works at: what waits on it, and what it
 * sent that is not received yet. An organization whose inbox the API does not show the viewer answers null
 * there (a finance member's cell) and is left out rather than failing the page.
 */
export const load: PageServerLoad = async (event) => {
  const { data, code } = await query(event, TransferDeskQuery, {});
  if (!data?.me) error(code === 'FORBIDDEN' ? 403 : 502, code === 'FORBIDDEN' ? 'Đồng chí không có quyền xem trang này.' : 'Chưa tải được dữ liệu. Vui lòng thử lại sau ít phút.');
  const desks = data.viewerCan.homeOrganizations.flatMap((organization) =>
    organization.transferInbox && organization.transfersAwaitingReceipt
      ? [{ id: organization.id, name: organization.name, inbox: organization.transferInbox, awaiting: organization.transfersAwaitingReceipt }]
      : [],
  );
  return { mine: data.me.transfers, desks };
};
