declare global {
  namespace App {
    interface Locals {
      /** The gateway access token from the httpOnly cookie, if the visitor is signed in. */
      token: string | null;
      /** The Idempotency-Key the submitted form carried (#lib/idempotency.ts), for the action's mutations. */
      idempotencyKey?: string | null;
    }
  }
}

export {};
