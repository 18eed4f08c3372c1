/** A refusal the user can act on: a stable code for the UI and tests, and a message. */
export class ReviewError extends Error {
  constructor(
    public readonly code:
      | "not_found"
      | "not_open"
      | "version_conflict"
      | "stale"
      | "invalid_transition"
      | "nothing_to_revert"
      | "upload_refused"
      | "nothing_to_confirm",
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}
