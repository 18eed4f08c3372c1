import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { outboxMessages, outboxState, type OutboxMessage } from "@/db/schema";
import { assertCan, type ActionContext } from "@/lib/auth/context";

export const outboxFilterSchema = z.object({
  state: z.enum(outboxState.enumValues).optional(),
  /** Created before this message's time: the next (older) page. */
  before: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type OutboxRow = Pick<
  OutboxMessage,
  "id" | "kind" | "toAddress" | "toName" | "subject" | "link" | "state" | "attempts" | "lastError" | "createdAt" | "sentAt"
>;

/** The outbox, newest first: each message, its state and attempts and the link it carries. Admins only. */
export async function listOutbox({ ctx, input }: { ctx: ActionContext; input: unknown }): Promise<{ rows: OutboxRow[]; nextBefore: Date | null }> {
  assertCan(ctx.user, "outbox.read");
  const filter = outboxFilterSchema.parse(input ?? {});
  const where: SQL[] = [];
  if (filter.state) where.push(eq(outboxMessages.state, filter.state));
  if (filter.before) where.push(lt(outboxMessages.createdAt, filter.before));
  const rows = await ctx.db
    .select({
      id: outboxMessages.id,
      kind: outboxMessages.kind,
      toAddress: outboxMessages.toAddress,
      toName: outboxMessages.toName,
      subject: outboxMessages.subject,
      link: outboxMessages.link,
      state: outboxMessages.state,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      createdAt: outboxMessages.createdAt,
      sentAt: outboxMessages.sentAt,
    })
    .from(outboxMessages)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(filter.limit + 1);
  const more = rows.length > filter.limit;
  const page = rows.slice(0, filter.limit);
  return { rows: page, nextBefore: more ? page[page.length - 1]!.createdAt : null };
}
