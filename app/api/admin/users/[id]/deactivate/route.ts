import { requirePermission } from "@/lib/auth/guard";
import { routeHandler } from "@/lib/auth/route";
import { deactivateUser } from "@/lib/users/deactivate";
import { writeResponse } from "@/lib/users/http";

type Params = { params: Promise<{ id: string }> };

/** Deactivates the account; an optional JSON body `{ reason }` goes to the audit log. */
export const POST = routeHandler<Params>(async (request, { params }) => {
  const ctx = await requirePermission("user.manage");
  const body = (await request.json().catch(() => ({}))) as Record<string, unknown> | null;
  return writeResponse(await deactivateUser({ ctx, input: { ...body, userId: (await params).id } }));
});
