import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guard";
import { readJson, routeHandler } from "@/lib/auth/route";
import { changeRoles } from "@/lib/users/change-roles";
import { writeResponse } from "@/lib/users/http";
import { getUser } from "@/lib/users/list";

type Params = { params: Promise<{ id: string }> };

export const GET = routeHandler<Params>(async (_request, { params }) => {
  const ctx = await requirePermission("user.manage");
  const user = await getUser({ ctx, userId: (await params).id });
  if (!user) return NextResponse.json({ error: "not_found", message: "No such user." }, { status: 404 });
  return NextResponse.json({ user });
});

/** Changes roles: `{ roles, organizationId?, base: { roles, organizationId } }`. */
export const PATCH = routeHandler<Params>(async (request, { params }) => {
  const ctx = await requirePermission("user.manage");
  const body = (await readJson(request)) as Record<string, unknown> | null;
  return writeResponse(await changeRoles({ ctx, input: { ...body, userId: (await params).id } }));
});
