import { error } from '@sveltejs/kit';
import { query } from '#lib/server/gateway.ts';
import { PaperRequestPdfQuery } from '../request.graphql.ts';
import type { RequestHandler } from './$types';

/** The paper request to a residence outside the system, as the PDF the workplace prints, signs and posts. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.token) error(401, 'Xin đăng nhập trước.');
  const { data, code } = await query(event, PaperRequestPdfQuery, { id: event.params.id });
  const pdf = data?.residenceComment?.requestedBy.paperCommentRequest;
  if (!pdf) error(code === 'FORBIDDEN' ? 403 : 404, 'Đề nghị này không gửi bằng giấy, hoặc đồng chí không có quyền in.');
  return new Response(Buffer.from(pdf, 'base64'), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="de-nghi-nhan-xet-${event.params.id.replace(/[^A-Za-z0-9-]/g, '_')}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
};
