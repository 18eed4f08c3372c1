import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { outboxMessages } from "@/db/schema";
import { enqueue } from "@/lib/jobs";
import { DELIVER_JOB } from "./queue";

/**
 * Gives a delivery job to queued messages that have none (written by a process without the
 * queue, e.g. a script, or before SMTP was configured). Rows are locked with SKIP LOCKED, so two
 * instances sweeping at once do not both enqueue one message. Returns how many it enqueued.
 */
export async function sweepOutbox(db: Db, limit = 100): Promise<number> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.state, "queued"), isNull(outboxMessages.jobId)))
      .orderBy(asc(outboxMessages.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const { id } of rows) {
      const jobId = await enqueue(tx, DELIVER_JOB, { messageId: id });
      await tx.update(outboxMessages).set({ jobId }).where(eq(outboxMessages.id, id));
    }
    return rows.length;
  });
}
