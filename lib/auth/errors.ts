import type { Action } from "./permissions";

/** The user may not do this: 403. */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(
    public readonly action: Action,
    message = `Not permitted: ${action}`,
  ) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** No (valid) session, or the account is deactivated: 401. */
export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super("Sign in first");
    this.name = "UnauthenticatedError";
  }
}
