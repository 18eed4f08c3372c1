import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/guard";
import { readJson, routeHandler } from "@/lib/auth/route";
import { createUser } from "@/lib/users/create";
import { writeResponse } from "@/lib/users/http";
import { listUsers } from "@/lib/users/list";

export const GET = routeHandler(async () => {
  const ctx = await requirePermission("user.manage");
  const rows = await listUsers({ ctx });
  return NextResponse.json({ users: rows });
});

export const POST = routeHandler(async (request) => {
  const ctx = await requirePermission("user.manage");
  return writeResponse(await createUser({ ctx, input: await readJson(request) }), 201);
});
