import type { Action } from "./permissions";

// Kept apart from guard.ts so that domain functions (and their tests) can throw them without
// loading next-auth.

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(
    public readonly action: Action,
    message = `Not permitted: ${action}`,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super("Sign in first");
  }
}
