import { error } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { ReceiptPdfQuery } from '../../dues.graphql.ts';
import type { RequestHandler } from './$types';

/** A dues receipt as the PDF the member keeps (docs/rules/dues-payments.md#the-receipt-as-a-pdf). */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.token) error(401, 'Xin đăng nhập trước.');
  const { data, code } = await query(event, ReceiptPdfQuery, { id: event.params.id });
  const receipt = data?.duesReceipt;
  if (!receipt) error(code === 'SERVICE_UNAVAILABLE' ? 503 : 404, 'Không tìm thấy biên lai này, hoặc đồng chí không có quyền xem.');
  return new Response(Buffer.from(receipt.pdf, 'base64'), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="bien-lai-dang-phi-${receipt.reference.replace(/[^0-9]/g, '-')}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
};
