/** An expected, user-fixable problem with a mutation's input, returned as data (docs/architecture.md#errors). */
export interface UserError {
  /** Stable, for partners to branch on. */
  code: string;
  /** The input field concerned, if any. */
  field: string | null;
  /** In Vietnamese, for the person at the screen. */
  message: string;
}
