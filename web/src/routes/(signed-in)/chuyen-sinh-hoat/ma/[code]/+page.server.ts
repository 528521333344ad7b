import { error, redirect } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { TransferByCodeQuery } from '../../transfers.graphql.ts';
import type { PageServerLoad } from './$types';

/**
 * Where the letter's QR code leads ("hộ chiếu hồ sơ"): the dossier's page, for whoever may read it, keeping
 * the letter's number so that the page offers to record the handover.
 */
export const load: PageServerLoad = async (event) => {
  const { data } = await query(event, TransferByCodeQuery, { code: event.params.code });
  const id = data?.transferByCode?.id;
  if (!id) error(404, 'Không tìm thấy hồ sơ này, hoặc đồng chí không có quyền xem hồ sơ này.');
  const letter = event.url.searchParams.get('giay');
  redirect(303, `/chuyen-sinh-hoat/${id}${letter ? `?giay=${encodeURIComponent(letter)}` : ''}`);
};
