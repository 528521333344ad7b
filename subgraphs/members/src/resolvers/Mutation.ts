import type { MembersContext } from '../context.ts';

export const Mutation = {
  login: (_: unknown, { input }: { input: { username: string; password: string; totpCode?: string | null } }, context: MembersContext) =>
    context.login.login(input.username, input.password, input.totpCode),
};
