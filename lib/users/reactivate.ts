import type { ActionContext } from "../auth/context";
import { setActive } from "./set-active";

/** Lets a deactivated account sign in again, with the roles it had. Admins only; audited. */
export function reactivateUser({ ctx, input }: { ctx: ActionContext; input: unknown }) {
  return setActive(ctx, input, true);
}
