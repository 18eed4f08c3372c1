import { count, eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { attachments, revisions, sourceAttachments } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { actingAs, ANALYST, REPORT_SOURCE_ID, REVIEWER } from "../events/test-support";
import { seedId } from "@/db/seed/ids";
import { attachFiles } from "./attach";
import { contentDisposition, readAttachment } from "./read";
import { samplePdf } from "./sample-pdf";
import { LocalDiskStorage } from "./storage";
import { describeEachStore } from "./test-stores";
import { sha256Hex } from "./store";

describeEachStore("attachments", (db, store, { kind }) => {
  const otherSource = seedId("source", "fn8-icld-kommunala-partnerskap");
  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
  });

  const pdfFile = (label: string, filename = `${label}.pdf`) => ({ filename, declaredType: "application/pdf", bytes: samplePdf(label) });
  const rowCount = async () => (await db().select({ n: count() }).from(attachments))[0]!.n;

  it("stores a file with its size, type and SHA-256, and gives back the same bytes", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const file = pdfFile("first");
    const result = await attachFiles({ ctx, input: { sourceId: REPORT_SOURCE_ID }, files: [file], storage: store().storage });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { value: { attachmentIds: string[] } }).value.attachmentIds[0]!;
    const [row] = await db().select().from(attachments).where(eq(attachments.id, id));
    expect(row).toMatchObject({ sha256: sha256Hex(file.bytes), sizeBytes: file.bytes.length, mediaType: "application/pdf" });
    const read = await readAttachment(db(), store().storage, id, REPORT_SOURCE_ID);
    expect(read?.filename).toBe("first.pdf");
    expect(sha256Hex(read!.bytes)).toBe(row!.sha256);
    const [revision] = await db().select().from(revisions).where(sql`${revisions.entityId} = ${REPORT_SOURCE_ID} AND ${revisions.action} = 'source.attach'`);
    expect(revision?.after).toEqual({ attachments: [`first.pdf (sha256 ${row!.sha256.slice(0, 12)})`] });
  });

  it("deduplicates by hash: the same bytes twice are one row and one stored file", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const file = pdfFile("dedup");
    const filesBefore = (await store().files()).length;
    const first = await attachFiles({ ctx, input: { sourceId: REPORT_SOURCE_ID }, files: [file], storage: store().storage });
    const second = await attachFiles({ ctx, input: { sourceId: otherSource }, files: [{ ...file, filename: "samma fil, annat namn.pdf" }], storage: store().storage });
    const ids = [first, second].map((r) => (r as { value: { attachmentIds: string[] } }).value.attachmentIds[0]);
    expect(ids[0]).toBe(ids[1]);
    expect(await store().files()).toHaveLength(filesBefore + 1);
    const names = await db().select().from(sourceAttachments).where(eq(sourceAttachments.attachmentId, ids[0]!));
    expect(names.map((n) => n.filename).sort()).toEqual(["dedup.pdf", "samma fil, annat namn.pdf"]);
    expect((await readAttachment(db(), store().storage, ids[0]!, otherSource))?.filename).toBe("samma fil, annat namn.pdf");
  });

  it("refuses too large, empty and wrongly typed files, leaving nothing behind", async () => {
    const ctx = await actingAs(db(), ANALYST);
    const filesBefore = await store().files();
    const rowsBefore = await rowCount();
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(samplePdf("big"));
    const cases = [
      { filename: "stor.pdf", declaredType: "application/pdf", bytes: big },
      { filename: "tom.pdf", declaredType: "application/pdf", bytes: new Uint8Array() },
      { filename: "sida.html", declaredType: "text/html", bytes: new TextEncoder().encode("<html></html>") },
      { filename: "bild.png", declaredType: "image/png", bytes: samplePdf("not a png") },
    ];
    const codes = [];
    for (const file of cases) {
      const result = await attachFiles({ ctx, input: { sourceId: REPORT_SOURCE_ID }, files: [file], storage: store().storage });
      codes.push((result as { uploadProblems: { problem: { code: string } }[] }).uploadProblems[0]!.problem.code);
    }
    expect(codes).toEqual(["too_large", "empty", "type_not_allowed", "type_mismatch"]);
    expect(await store().files()).toEqual(filesBefore);
    expect(await rowCount()).toBe(rowsBefore);
  });

  it("is refused to a reviewer", async () => {
    const result = await attachFiles({ ctx: await actingAs(db(), REVIEWER), input: { sourceId: REPORT_SOURCE_ID }, files: [pdfFile("r")], storage: store().storage });
    expect(result).toEqual({ ok: false, message: "evidence.form.forbidden" });
  });

  it("leaves no orphan file and no orphan row when the database fails after the file is written", async () => {
    const ctx = await actingAs(db(), ANALYST);
    // A real failure inside the transaction, after the file is stored and its row inserted.
    await db().execute(sql`CREATE FUNCTION fail_link() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'link refused for the test'; END; $$`);
    await db().execute(sql`CREATE TRIGGER fail_link BEFORE INSERT ON source_attachments FOR EACH ROW EXECUTE FUNCTION fail_link()`);
    try {
      const filesBefore = await store().files();
      const rowsBefore = await rowCount();
      await expect(attachFiles({ ctx, input: { sourceId: REPORT_SOURCE_ID }, files: [pdfFile("orphan")], storage: store().storage })).rejects.toThrow();
      expect(await store().files()).toEqual(filesBefore);
      expect(await rowCount()).toBe(rowsBefore);

      // The deduplication case: bytes the register already has are not written again, and a
      // failed save must not take them away from the rows that use them.
      const existing = (await db().select().from(attachments))[0]!;
      const bytes = (await store().storage.get(existing.storageKey))!;
      await expect(attachFiles({ ctx, input: { sourceId: otherSource }, files: [{ filename: "again.pdf", declaredType: "application/pdf", bytes }], storage: store().storage })).rejects.toThrow();
      expect(await store().files()).toEqual(filesBefore);
      expect(await store().storage.get(existing.storageKey)).not.toBeNull();
    } finally {
      await db().execute(sql`DROP TRIGGER fail_link ON source_attachments`);
      await db().execute(sql`DROP FUNCTION fail_link()`);
    }
  });

  it("refuses keys that leave the store, streams what it holds, and deletes idempotently", async () => {
    const { storage } = store();
    await storage.put("ab/test-key", new Uint8Array([1, 2, 3]));
    expect(Buffer.from((await storage.get("ab/test-key"))!)).toEqual(Buffer.from([1, 2, 3]));
    const streamed = await storage.stream("ab/test-key");
    expect(Buffer.from(await new Response(streamed!.body).arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
    await expect(storage.put("../escape", new Uint8Array([1]))).rejects.toThrow(/Invalid storage key/);
    await expect(storage.get("ab/../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
    await storage.delete("ab/test-key");
    await storage.delete("ab/test-key");
    expect(await storage.get("ab/test-key")).toBeNull();
    expect(await storage.stream("ab/test-key")).toBeNull();
    await expect(storage.check()).resolves.toBeUndefined();
  });

  if (kind === "local") {
    // (s3rver ignores If-None-Match; on a store that honours it the S3 store refuses too. Keys
    // are unique per write either way, so no save ever writes an existing key.)
    it("never overwrites a key on disk", async () => {
      const storage = store().storage as LocalDiskStorage;
      await storage.put("ab/once", new Uint8Array([1]));
      await expect(storage.put("ab/once", new Uint8Array([2]))).rejects.toThrow();
      expect(await storage.get("ab/once")).toEqual(Buffer.from([1]));
    });
  }
});

it("names a download safely in any language", () => {
  expect(contentDisposition("attachment", "Protokoll §45 Lidköping.pdf")).toBe(
    `attachment; filename="Protokoll 45 Lidkoping.pdf"; filename*=UTF-8''Protokoll%20%C2%A745%20Lidk%C3%B6ping.pdf`,
  );
  expect(contentDisposition("inline", '成都"; x.pdf')).toBe(`inline; filename="__ x.pdf"; filename*=UTF-8''%E6%88%90%E9%83%BD%22%3B%20x.pdf`);
});
