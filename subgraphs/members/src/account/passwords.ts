import { hash, verify } from '@node-rs/argon2';

/** How passwords are kept and checked; tests wrap it to count the checks. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

/** argon2id (the library's default) with its default cost: 19 MiB, 2 passes. */
export const argon2Passwords: PasswordHasher = {
  hash: (password) => hash(password),
  verify: (passwordHash, password) => verify(passwordHash, password),
};
