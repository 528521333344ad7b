import type { MembersContext } from '../context.ts';

export const Mutation = {
  login: (_: unknown, args: { username: string; password: string; totpCode?: string | null }, context: MembersContext) =>
    context.login.login(args.username, args.password, args.totpCode),
};
