import { forbidden } from "next/navigation";
import { cache } from "react";
import type { Action } from "./permissions";

// Every refusal of a page is one kind of page: HTTP 403 (forbidden(), experimental.authInterrupts),
// the reason in words and a way back (components/auth/forbidden-notice.tsx). The reason travels
// from the page that refuses to the 403 boundary through a per-request store (React cache()).

export interface RefusalReason {
  action: Action;
  /** The official's organisation, for "you can only propose changes for X's agreements". */
  organizationName?: string | null;
  /** Where "back" leads (the record the refused page belongs to). */
  backHref?: string;
}

const current = cache((): { reason: RefusalReason | null } => ({ reason: null }));

/** Answers this request with the 403 page, saying why. */
export function refusePage(reason: RefusalReason): never {
  current().reason = reason;
  forbidden();
}

/** The reason given by refusePage() during this request, if any. */
export function refusalReason(): RefusalReason | null {
  return current().reason;
}
