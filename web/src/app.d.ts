declare global {
  namespace App {
    interface Locals {
      /** The gateway access token from the httpOnly cookie, if the visitor is signed in. */
      token: string | null;
    }
  }
}

export {};
