import { json } from '@sveltejs/kit';
import { renewSession } from '#lib/server/gateway.ts';
import { sessionEndsAt } from '#lib/session.ts';
import type { RequestHandler } from './$types';

/**
 * The page's question about its session (docs/rules/web-sessions.md): when it ends unless renewed, null once
 * it has ended. Asked only shortly before that instant, so it costs the API nothing the rest of the time.
 */
export const GET: RequestHandler = ({ cookies }) => answer(sessionEndsAt(cookies));

/**
 * Renews the session now, under the API's rotation rules (each refresh token used once): the person is at
 * work on the page, or pressed "Tiếp tục làm việc". The hooks may have renewed it already for this request.
 */
export const POST: RequestHandler = async (event) => {
  const renewed = await renewSession(event);
  return answer(renewed?.refresh?.expiresAt ?? sessionEndsAt(event.cookies));
};

const answer = (endsAt: string | null) => json({ endsAt }, { status: endsAt ? 200 : 401, headers: { 'cache-control': 'no-store' } });
