import { error } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { TransferLetterPdfQuery } from '../../transfers.graphql.ts';
import type { RequestHandler } from './$types';

/** The introduction letter in force, as the PDF the issuing committee prints, signs and seals. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.token) error(401, 'Xin đăng nhập trước.');
  const { data, code } = await query(event, TransferLetterPdfQuery, { id: event.params.id });
  const transfer = data?.transfer;
  if (!transfer?.letter) error(code === 'FORBIDDEN' ? 403 : 404, 'Hồ sơ này chưa có giấy giới thiệu, hoặc đồng chí không có quyền xem.');
  const file = `giay-gioi-thieu-${(transfer.code ?? event.params.id).replace(/[^A-Za-z0-9.-]/g, '_')}.pdf`;
  return new Response(Buffer.from(transfer.letter.pdf, 'base64'), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${file}"`, 'cache-control': 'private, no-store' },
  });
};
