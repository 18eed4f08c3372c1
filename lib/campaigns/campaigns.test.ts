import { and, eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { agreements, campaignOrganizations, campaigns, organizationContacts, organizations, outboxMessages, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { databaseError, describeEachDriver } from "@/db/testing";
import { startJobs, type JobRuntime } from "@/lib/jobs";
import { DELIVER_JOB, registerMailJobs } from "@/lib/mail";
import { startTestSmtp, type TestSmtp } from "@/scripts/test-smtp.mjs";
import { recordAudit } from "../auth/audit";
import type { ActionContext } from "../auth/context";
import { ForbiddenError } from "../auth/errors";
import { confirmAgreements } from "../confirmations/create";
import { agreementStates } from "../confirmations/current-state";
import { createProposal } from "../review/proposals";
import { closeCampaign } from "./close";
import { DAY_MS, type Clock } from "./clock";
import { registerCampaignJobs } from "./jobs";
import { getCampaign, listCampaigns } from "./read";
import { REMIND_JOB, runCampaignReminders } from "./remind";
import { startCampaign } from "./start";

// A campaign lives by an injected clock (the real time plus the days the test lets pass); the
// queue (pg-boss) by the database's. Letting days pass is both: the clock moves, and the waiting
// reminder job is made due now.
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  registerMailJobs({ transport: nodemailer.createTransport(smtp.url), from: "Avtalsregistret <no-reply@avtal.test>" });
  registerCampaignJobs({ clock });
});
afterAll(async () => {
  await smtp.close();
});

async function ctxOf(db: Db, email: string): Promise<ActionContext> {
  const [u] = await db.select().from(users).where(eq(users.email, email));
  return { db, user: { id: u!.id, email: u!.email, name: u!.name, roles: u!.roles, organizationId: u!.organizationId, organizationName: null, isDemo: false } };
}

async function orgId(db: Db, name: string): Promise<string> {
  const [o] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name));
  return o!.id;
}

async function addOfficial(db: Db, organizationName: string, email: string): Promise<ActionContext> {
  await db.insert(users).values({ email, name: `Tjänsteperson ${organizationName}`, passwordHash: "not-used", roles: ["municipal_official"], organizationId: await orgId(db, organizationName) });
  return ctxOf(db, email);
}

const MESSAGE_SV = "Hej! Stämmer det registret säger om era avtal med kinesiska parter? Bekräfta eller föreslå en ändring.";
const MESSAGE_EN = "Hello! Is what the registry says about your agreements with Chinese counterparts right?";

describeEachDriver("check-in campaigns", (db, driver, handle) => {
  let jobs: JobRuntime;
  let analyst: ActionContext;
  let borlange: ActionContext;
  let mora: ActionContext;
  let falun: ActionContext;
  let campaignId: string;

  /** Lets `days` pass: the campaign's clock moves, and waiting reminder jobs become due. */
  async function letDaysPass(days: number) {
    offsetMs += days * DAY_MS;
    await db().execute(sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${REMIND_JOB} AND state IN ('created', 'retry')`);
  }
  const outboxTo = (address: string) => db().select().from(outboxMessages).where(eq(outboxMessages.toAddress, address)).orderBy(outboxMessages.createdAt);
  const progressOf = async (ctx: ActionContext) => {
    const detail = (await getCampaign({ ctx, input: { id: campaignId }, clock }))!;
    return { ...detail, byName: Object.fromEntries(detail.organizations.map((o) => [o.name, o])) };
  };

  beforeAll(async () => {
    offsetMs = 0;
    await seedDatabase(db(), { demoUsers: true });
    jobs = await startJobs(handle(), { work: false });
    analyst = await ctxOf(db(), "analytiker@demo.avtalsregistret.se");
    borlange = await addOfficial(db(), "Borlänge", `borlange-${driver}@kommun.test`);
    mora = await addOfficial(db(), "Mora", `mora-${driver}@kommun.test`);
    falun = await addOfficial(db(), "Falun", `falun-${driver}@kommun.test`);
  }, 120_000);
  afterAll(async () => {
    await jobs.stop();
  });

  it("starts a campaign over Dalarna's three kommuner with agreements and writes to each one's official, with a link to their home", async () => {
    const result = await startCampaign({
      ctx: analyst,
      clock,
      input: {
        title: "Årlig avstämning 2026",
        messageSv: MESSAGE_SV,
        messageEn: MESSAGE_EN,
        reminderAfterDays: 7,
        selection: { kinds: ["kommun"], countyCode: "20", withAgreementsOnly: true },
      },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    campaignId = result.value.id;
    expect(result.value).toMatchObject({ organizations: 3, messages: 3 });

    for (const official of [borlange, mora, falun]) {
      const mail = await outboxTo(official.user.email);
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ kind: "campaign", subject: "Årlig avstämning 2026", userId: official.user.id, link: `http://localhost:3000/home?campaign=${campaignId}` });
      expect(mail[0]!.bodyText).toContain(MESSAGE_SV);
      expect(mail[0]!.bodyText).toContain(MESSAGE_EN);
      expect(mail[0]!.bodyText).toContain(`http://localhost:3000/home?campaign=${campaignId}`);
    }
    // Delivered over SMTP by the outbox's worker.
    expect(await jobs.drain(DELIVER_JOB)).toBe(3);
    for (const official of [borlange, mora, falun]) {
      const got = smtp.messages.filter((m) => m.to.includes(official.user.email));
      expect(got.map((m) => m.subject)).toEqual(["Årlig avstämning 2026"]);
      expect(got[0]!.text).toContain("/home?campaign=");
    }
    const { byName, summary } = await progressOf(analyst);
    expect(Object.keys(byName).sort()).toEqual(["Borlänge", "Falun", "Mora"]);
    expect(Object.values(byName).map((o) => o.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(summary).toMatchObject({ total: 3, answered: 0 });
  });

  it("counts a confirmation and a proposal within the window as answers", async () => {
    const own = await db().select({ id: agreements.id }).from(agreements).where(eq(agreements.swedishOrgId, borlange.user.organizationId!));
    const states = await agreementStates(db(), own.map((a) => a.id));
    const items = [...states.values()].filter((s) => s.eventId).map((s) => ({ agreementId: s.agreementId, eventId: s.eventId! }));
    await confirmAgreements({ ctx: borlange, input: { items, campaignId } });

    const [moraAgreement] = await db().select().from(agreements).where(eq(agreements.swedishOrgId, mora.user.organizationId!)).limit(1);
    await createProposal({ ctx: mora, input: { kind: "agreement.update", agreementId: moraAgreement!.id, baseVersion: moraAgreement!.version, changes: { funding: "Kommunen" } } });
    await jobs.drain(DELIVER_JOB); // the reviewers' notifications of the proposal

    const { byName, summary } = await progressOf(analyst);
    expect(byName["Borlänge"]).toMatchObject({ status: "confirmed", answered: true });
    expect(byName["Mora"]).toMatchObject({ status: "proposed", answered: true });
    expect(byName["Falun"]).toMatchObject({ status: "delivered", answered: false });
    expect(summary).toMatchObject({ total: 3, answered: 2 });
    expect(summary.rate).toBeCloseTo(2 / 3);
  });

  it("reminds no one before N days, then only the silent organisation, and keeps reminding until the campaign closes", async () => {
    await letDaysPass(3);
    expect(await jobs.drain(REMIND_JOB)).toBe(1);
    expect(await outboxTo(falun.user.email)).toHaveLength(1);

    await letDaysPass(4);
    expect(await jobs.drain(REMIND_JOB)).toBe(1);
    const falunMail = await outboxTo(falun.user.email);
    expect(falunMail).toHaveLength(2);
    expect(falunMail[1]).toMatchObject({ kind: "campaign_reminder", subject: "Påminnelse: Årlig avstämning 2026", link: `http://localhost:3000/home?campaign=${campaignId}` });
    expect(falunMail[1]!.bodyText).toContain("Påminnelse: vi har ännu inte fått något svar från Falun.");
    // The ones who answered get nothing more.
    expect(await outboxTo(borlange.user.email)).toHaveLength(1);
    expect(await outboxTo(mora.user.email)).toHaveLength(1);
    expect(await jobs.drain(DELIVER_JOB)).toBe(1);
    expect(smtp.messages.filter((m) => m.to.includes(falun.user.email)).map((m) => m.subject)).toEqual([
      "Årlig avstämning 2026",
      "Påminnelse: Årlig avstämning 2026",
    ]);

    const { byName, summary } = await progressOf(analyst);
    expect(byName["Falun"]).toMatchObject({ status: "delivered", reminders: 1 });
    expect(Math.abs(byName["Falun"]!.lastContactedAt!.getTime() - clock.now().getTime())).toBeLessThan(60_000);
    expect(summary).toMatchObject({ total: 3, answered: 2 });

    // Nothing due yet: running again now reminds no one.
    expect(await jobs.drain(REMIND_JOB)).toBe(0);
    // A stale or duplicated job does nothing, even when days have passed.
    offsetMs += 8 * DAY_MS;
    expect(await runCampaignReminders(db(), { campaignId, jobId: "00000000-0000-4000-8000-000000000000", clock })).toMatchObject({ reminded: [] });
    expect(await outboxTo(falun.user.email)).toHaveLength(2);
    // The campaign's own job reminds again after another N days.
    await letDaysPass(0);
    expect(await jobs.drain(REMIND_JOB)).toBe(1);
    expect(await outboxTo(falun.user.email)).toHaveLength(3);
  });

  it("closes: the record keeps its statuses, later answers do not move it, and no more reminders go out", async () => {
    const closed = await closeCampaign({ ctx: analyst, input: { campaignId }, clock });
    expect(closed).toMatchObject({ ok: true, value: { answered: 2, total: 3 } });
    expect(await closeCampaign({ ctx: analyst, input: { campaignId }, clock })).toMatchObject({ ok: false, message: "campaigns.errors.alreadyClosed" });

    // Falun answers after the close: the campaign's record does not change.
    offsetMs += DAY_MS;
    const [falunAgreement] = await db().select({ id: agreements.id }).from(agreements).where(eq(agreements.swedishOrgId, falun.user.organizationId!)).limit(1);
    const state = (await agreementStates(db(), [falunAgreement!.id])).get(falunAgreement!.id)!;
    await confirmAgreements({ ctx: falun, input: { items: [{ agreementId: state.agreementId, eventId: state.eventId }] } });
    const { byName, summary, campaign } = await progressOf(analyst);
    expect(campaign.status).toBe("closed");
    expect(byName["Falun"]).toMatchObject({ status: "delivered", answered: false, reminders: 2 });
    expect(summary).toMatchObject({ total: 3, answered: 2 });

    await letDaysPass(30);
    expect(await jobs.drain(REMIND_JOB)).toBe(1);
    expect(await outboxTo(falun.user.email)).toHaveLength(3);
    expect(await jobs.drain(REMIND_JOB)).toBe(0);

    // The database itself keeps the record.
    expect(await databaseError(db().update(campaigns).set({ title: "Ändrad" }).where(eq(campaigns.id, campaignId)))).toMatch(/keeps its record/);
    expect(
      await databaseError(db().update(campaignOrganizations).set({ finalStatus: "confirmed" }).where(eq(campaignOrganizations.campaignId, campaignId))),
    ).toMatch(/keeps its record/);
    expect(await databaseError(db().execute(sql`DELETE FROM campaign_messages`))).toMatch(/append-only/);
    expect((await listCampaigns({ ctx: analyst, clock })).find((c) => c.id === campaignId)).toMatchObject({ status: "closed", total: 3, answered: 2 });
  });

  it("invites the contacts of an organisation with no account, writes to contacts too, and shows bounced, signed-in and no-recipient organisations", async () => {
    await jobs.drain(DELIVER_JOB); // the earlier campaign's last reminder
    await addOfficial(db(), "Filipstad", `refuse-perm-filipstad-${driver}@kommun.test`);
    const saffle = await addOfficial(db(), "Säffle", `saffle-${driver}@kommun.test`);
    const lansstyrelsen = await orgId(db(), "Länsstyrelsen Värmland");
    await db().insert(organizationContacts).values([
      { organizationId: saffle.user.organizationId!, kind: "registrator", email: `registrator-saffle-${driver}@kommun.test`, createdBy: analyst.user.id },
      { organizationId: lansstyrelsen, kind: "person", name: "Vera Värmland", email: `vera-${driver}@lansstyrelsen.test`, createdBy: analyst.user.id },
    ]);
    const result = await startCampaign({
      ctx: analyst,
      clock,
      input: {
        title: "Värmland 2026",
        messageSv: MESSAGE_SV,
        reminderAfterDays: 14,
        selection: { kinds: ["kommun", "region", "lansstyrelse"], countyCode: "17", withAgreementsOnly: true },
      },
    });
    // Filipstad's official, Säffle's official and registry office, the Länsstyrelse's contact (and her invitation).
    expect(result).toMatchObject({ ok: true, value: { organizations: 3, messages: 4, invitations: 1 } });
    if (!result.ok) return;
    const vera = await outboxTo(`vera-${driver}@lansstyrelsen.test`);
    expect(vera.map((m) => m.kind).sort()).toEqual(["campaign", "invitation"]);
    expect(vera.find((m) => m.kind === "invitation")!.link).toMatch(/^http:\/\/localhost:3000\/set-password\//);
    expect(vera.find((m) => m.kind === "campaign")!.link).toBe(`http://localhost:3000/home?campaign=${result.value.id}`);
    const [invitee] = await db().select().from(users).where(eq(users.email, `vera-${driver}@lansstyrelsen.test`));
    expect(invitee).toMatchObject({ organizationId: lansstyrelsen, passwordHash: null, roles: ["municipal_official"] });
    expect((await outboxTo(`registrator-saffle-${driver}@kommun.test`)).map((m) => m.kind)).toEqual(["campaign"]);

    expect(await jobs.drain(DELIVER_JOB)).toBe(5);
    // (Signed in by the campaign's clock, which is days ahead of the database's.)
    await recordAudit(db(), { action: "auth.sign_in", actorId: saffle.user.id, targetUserId: saffle.user.id, at: clock.now() });
    const detail = (await getCampaign({ ctx: analyst, input: { id: result.value.id }, clock }))!;
    const byName = Object.fromEntries(detail.organizations.map((o) => [o.name, o.status]));
    expect(byName).toEqual({ Filipstad: "failed", Säffle: "signed_in", "Länsstyrelsen Värmland": "invited" });
    expect(detail.summary).toMatchObject({ total: 3, answered: 0 });

    // An organisation with neither officials nor contacts is in the campaign, with no recipient.
    const lone = await startCampaign({
      ctx: analyst,
      clock,
      input: { title: "Jämtland 2026", messageSv: MESSAGE_SV, reminderAfterDays: 14, selection: { kinds: ["kommun"], countyCode: "23", withAgreementsOnly: true } },
    });
    expect(lone).toMatchObject({ ok: true, value: { organizations: 1, messages: 0, invitations: 0 } });
    if (!lone.ok) return;
    const loneDetail = (await getCampaign({ ctx: analyst, input: { id: lone.value.id }, clock }))!;
    expect(loneDetail.organizations.map((o) => [o.name, o.status])).toEqual([["Östersund", "no_recipient"]]);
  });

  it("refuses officials: they cannot start, close or see a campaign, not even one over their own organisation", async () => {
    const input = { title: "Egen kampanj", messageSv: MESSAGE_SV, reminderAfterDays: 7, selection: { kinds: ["kommun"], countyCode: "20", withAgreementsOnly: true } };
    const before = await db().select({ n: sql<number>`count(*)` }).from(campaigns);
    await expect(startCampaign({ ctx: borlange, input, clock })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCampaign({ ctx: borlange, input: { id: campaignId }, clock })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCampaigns({ ctx: borlange, clock })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closeCampaign({ ctx: borlange, input: { campaignId }, clock })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().select({ n: sql<number>`count(*)` }).from(campaigns)).toEqual(before);
    const mine = await db()
      .select()
      .from(campaignOrganizations)
      .where(and(eq(campaignOrganizations.campaignId, campaignId), inArray(campaignOrganizations.organizationId, [borlange.user.organizationId!])));
    expect(mine).toHaveLength(1);
  });
});
