import type { ActionContext } from "../auth/context";
import { setActive } from "./set-active";

/** Deactivates an account: it cannot sign in and loses access at once; its history stays. Admins only; audited. */
export function deactivateUser({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  return setActive(ctx, input, false);
}
