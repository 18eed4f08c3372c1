import { count, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { proposals, sourceAttachments } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import { runAction } from "../actions/result";
import { attachFiles } from "../attachments/attach";
import { samplePdf } from "../attachments/sample-pdf";
import type { ActionContext } from "../auth/guard";
import { actingAs, ANALYST, OFFICIAL, REPORT_SOURCE_ID, tempStorage } from "../events/test-support";
import { createProposal, reviseProposal } from "./proposals";

// Issue 10, finding 3: a proposal cites only files uploaded with it, or files already attached
// to a source it cites; the name is the stored one, never the client's.

const BENGTSFORS_WUZHOU = seedId("agreement", "bengtsfors-wuzhou-twin");

type StoredSource = { type: string; attachmentId?: string | null; attachmentFilename?: string | null };
const storedSources = (p: { payload: unknown }) => (p.payload as { event: { sources: StoredSource[] } }).event.sources;

describeEachDriver("files a proposal cites (issue 10 #3)", (db) => {
  let official: ActionContext;
  let analystFileId: string;
  const { storage } = tempStorage();
  const protocol = (extra: Record<string, unknown>) => ({
    type: "protocol",
    body: "Kommunstyrelsen, Bengtsfors kommun",
    meetingDate: "2021-03-01",
    diarienummer: null,
    ...extra,
  });
  const proposal = (sources: unknown[]) => ({
    kind: "event.create",
    agreementId: BENGTSFORS_WUZHOU,
    event: { status: "terminated", effective: "2021-03-01", reasons: [], sources },
  });

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    official = await actingAs(db(), OFFICIAL);
    const analyst = await actingAs(db(), ANALYST);
    const attached = await attachFiles({
      ctx: analyst,
      input: { sourceId: REPORT_SOURCE_ID },
      files: [{ filename: "analytikerns-anteckningar.pdf", declaredType: "application/pdf", bytes: samplePdf("Analytikerns fil") }],
      storage,
    });
    if (!attached.ok) throw new Error("could not attach the analyst's file");
    analystFileId = attached.value.attachmentIds[0]!;
  });

  it("refuses a file that belongs to a source the proposal does not cite, and writes nothing", async () => {
    const before = (await db().select({ n: count() }).from(proposals))[0]!.n;
    const result = await runAction(() =>
      createProposal({ ctx: official, input: proposal([protocol({ attachmentId: analystFileId, attachmentFilename: "protokoll.pdf" })]), storage }),
    );
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "event.sources.0.attachmentId": ["rules.attachmentNotYours"] } });
    expect((await db().select({ n: count() }).from(proposals))[0]!.n).toBe(before);
  });

  it("accepts a file of a cited source under its stored name, not the client's", async () => {
    const p = await createProposal({
      ctx: official,
      input: proposal([
        { type: "existing", sourceId: REPORT_SOURCE_ID },
        protocol({ attachmentId: analystFileId, attachmentFilename: "beslut-om-avslut.pdf" }),
      ]),
      storage,
    });
    expect(storedSources(p)[1]).toMatchObject({ attachmentId: analystFileId, attachmentFilename: "analytikerns-anteckningar.pdf" });
  });

  it("keeps a file uploaded with the proposal when it is revised, under its uploaded name", async () => {
    const p = await createProposal({
      ctx: official,
      input: proposal([protocol({ fileIndex: 0 })]),
      files: [{ filename: "ks-protokoll.pdf", declaredType: "application/pdf", bytes: samplePdf("Bengtsfors KS 2021") }],
      storage,
    });
    const uploaded = storedSources(p)[0]!.attachmentId!;
    await reviseProposal({
      ctx: official,
      input: { proposalId: p.id, proposal: proposal([protocol({ attachmentId: uploaded, attachmentFilename: "annat-namn.exe" })]) },
      storage,
    });
    const [revised] = await db().select().from(proposals).where(eq(proposals.id, p.id));
    expect(storedSources(revised!)[0]).toMatchObject({ attachmentId: uploaded, attachmentFilename: "ks-protokoll.pdf" });
    // The other file is still refused in the revision.
    const refused = await runAction(() =>
      reviseProposal({ ctx: official, input: { proposalId: p.id, proposal: proposal([protocol({ attachmentId: analystFileId })]) }, storage }),
    );
    expect(refused).toMatchObject({ ok: false, fieldErrors: { "event.sources.0.attachmentId": ["rules.attachmentNotYours"] } });
    expect((await db().select({ n: count() }).from(sourceAttachments).where(eq(sourceAttachments.attachmentId, uploaded)))[0]!.n).toBe(0);
  });
});
