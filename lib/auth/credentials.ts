import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type User } from "@/db/schema";
import { signInSchema } from "../validation/auth";
import { dummyPasswordHash, verifyPassword } from "./password";

/**
 * Checks an email and password. Returns the user or null, and takes the same time whether
 * or not the email exists, so that the answer does not reveal which emails have accounts.
 */
export async function checkCredentials(db: Db, input: unknown): Promise<User | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
  if (!user || !ok || !user.active) return null;
  return user;
}
