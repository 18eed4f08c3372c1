import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "../auth/audit";
import { hashPassword } from "../auth/password";
import { firstAdminSchema } from "../validation/users";

export type FirstAdminOutcome =
  | { status: "created"; id: string }
  | { status: "exists"; id: string; isAdmin: boolean };

/**
 * Creates an administrator outside the app (the `npm run create-admin` command, or
 * ADMIN_EMAIL/ADMIN_PASSWORD at server start), when no account has that email yet. An existing
 * account is left exactly as it is: its password is never reset from here. Audited with no
 * actor and `details.via`.
 */
export async function createFirstAdmin(
  db: Db,
  input: { email: string; name: string; password: string },
  via: "command" | "environment",
): Promise<FirstAdminOutcome> {
  const data = checkFirstAdminInput(input);
  const [existing] = await db.select().from(users).where(eq(users.email, data.email));
  if (existing) return { status: "exists", id: existing.id, isAdmin: existing.roles.includes("admin") && existing.active };
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash, roles: ["admin"] })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (!row) {
      const [raced] = await tx.select().from(users).where(eq(users.email, data.email));
      return { status: "exists", id: raced!.id, isAdmin: raced!.roles.includes("admin") } as const;
    }
    await recordAudit(tx, {
      action: "user.create",
      targetUserId: row.id,
      email: data.email,
      details: { name: data.name, roles: ["admin"], via },
    });
    return { status: "created", id: row.id } as const;
  });
}

/** The validated input, or an error that says in words what is wrong (for the command line and the start-up log). */
export function checkFirstAdminInput(input: { email: string; name: string; password: string }) {
  const parsed = firstAdminSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${describe(i.message)}`).join("; ");
    throw new Error(`Cannot create the administrator: ${problems}`);
  }
  return parsed.data;
}

/** How many active administrators there are (demo ones included). */
export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(sql`'admin' = ANY(${users.roles})`, eq(users.active, true)));
  return Number(row?.n ?? 0);
}

const MESSAGES: Record<string, string> = {
  "admin.emailRequired": "an email address is required",
  "auth.emailInvalid": "not a valid email address",
  "admin.nameRequired": "a name is required",
  "admin.nameTooLong": "the name is too long",
  "password.required": "a password is required",
  "password.onlySpaces": "the password must not be only spaces",
  "password.tooShort": "the password must have at least 12 characters",
  "password.tooLong": "the password is too long (at most 256 characters)",
  "password.common": "the password is too easy to guess (a common password or a simple pattern)",
  "password.containsEmail": "the password must not contain the e-mail address or its name part",
};
function describe(key: string): string {
  return MESSAGES[key] ?? key;
}
