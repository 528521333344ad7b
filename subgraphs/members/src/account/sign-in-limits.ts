import type { SignInAttemptKind, WindowLimit } from './sign-in-window.repository.ts';

const MINUTES = 60;
export const ACTIVATION_DAYS = 7;

/**
 * How many attempts each window holds (docs/rules/accounts.md#lock-out). Passwords checked without a second
 * factor, and those checked after a fresh second-factor code, have windows of their own, so that guessing
 * the password never locks out the holder of the second factor. An activation code gets a few attempts over
 * its whole life.
 */
export const SIGN_IN_LIMITS: Record<SignInAttemptKind, WindowLimit> = {
  PASSWORD: { attempts: 5, seconds: 15 * MINUTES },
  SECOND_FACTOR: { attempts: 5, seconds: 15 * MINUTES },
  ACTIVATION: { attempts: 5, seconds: ACTIVATION_DAYS * 24 * 60 * MINUTES },
};

/** Usernames are compared as typed, without surrounding spaces and in lower case. */
export const normalUsername = (username: string) => username.trim().toLowerCase();
