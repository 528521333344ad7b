import { GATEWAY_URL } from '$app/env/private';
import { error, redirect } from '@sveltejs/kit';
import { vietnamDay } from '#lib/deadline.ts';
import { createGraphQLClient, errorCode } from '#lib/graphql/client.ts';
import { MyProfileQuery } from '#lib/graphql/operations.ts';
import { clearToken } from '#lib/session.ts';
import type { PageServerLoad } from './$types';

/** Rendered on the server with its data, so an old phone shows the profile before any script runs. */
export const load: PageServerLoad = async ({ locals, cookies, url, fetch }) => {
  if (!locals.token) redirect(303, '/dang-nhap');
  const { client, ssr } = createGraphQLClient({ url: GATEWAY_URL, fetch, token: locals.token, isClient: false });
  const result = await client.query(MyProfileQuery, {}).toPromise();
  const code = errorCode(result.error);
  if (code === 'UNAUTHENTICATED' || (!code && !result.data?.me)) {
    clearToken(cookies, url);
    redirect(303, '/dang-nhap');
  }
  if (code) error(502, 'Chưa tải được hồ sơ. Vui lòng thử lại sau ít phút.');
  return { urqlState: ssr.extractData(), today: vietnamDay(new Date()) };
};
