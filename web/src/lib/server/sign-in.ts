import { redirect } from '@sveltejs/kit';
import type { UserErrorFieldsFragment } from '#lib/graphql/generated/graphql.ts';
import { ROLES_WITHHELD_QUERY, saveToken } from '#lib/session.ts';
import { mutateAnonymously } from './gateway.ts';
import { LoginMutation } from './sign-in.graphql.ts';

type SignInEvent = Parameters<typeof mutateAnonymously>[0];

/**
 * Signs the visitor in, from the login page or straight after activating their account. Signed in, the
 * session is kept in their cookies (the token and the refresh token that renews it) and they are sent on:
 * back to `returnTo`, the page they were on when their session ended (already checked with `safeReturn`),
 * else to their profile; or to "Bảo mật tài khoản" when the token left their roles out until they turn on
 * the second factor their organization requires. Otherwise the API's refusal comes back, or null when it
 * gave no answer at all.
 */
export async function signIn(
  event: SignInEvent,
  input: { username: string; password: string; totpCode: string | null },
  returnTo: string | null = null,
): Promise<{ refusal: UserErrorFieldsFragment | undefined } | null> {
  const { data } = await mutateAnonymously(event, LoginMutation, { input });
  const login = data?.login;
  if (!login) return null;
  if (!login.token || !login.expiresAt) return { refusal: login.userErrors[0] };
  const refresh = login.refreshToken && login.refreshExpiresAt ? { token: login.refreshToken, expiresAt: login.refreshExpiresAt } : undefined;
  saveToken(event.cookies, event.url, login.token, login.expiresAt, refresh);
  redirect(303, login.rolesWithheld ? `/bao-mat?${ROLES_WITHHELD_QUERY}` : (returnTo ?? '/ho-so'));
}
