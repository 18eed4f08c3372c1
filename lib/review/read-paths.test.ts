import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { notifications, users } from "@/db/schema";
import { seedDatabase, swedishOrgId } from "@/db/seed";
import { seedId } from "@/db/seed/ids";
import { describeEachDriver } from "@/db/testing";
import { activityFeed } from "../activity/feed";
import type { ActionContext } from "../auth/guard";
import { dashboardApiResponse } from "../dashboard/api";
import { drilldown } from "../dashboard/drilldown";
import { actingAs, OFFICIAL, REVIEWER } from "../events/test-support";
import { listNotifications, unreadCount } from "../notifications";
import { organizationHome, pendingProposals } from "../officials/home";
import { createProposal } from "./proposals";
import { listProposals, proposalOrganizations } from "./queries";

// Issue 10, finding 7: every read path that lists proposals shows an official only what
// /review/<id> lets them open: their own proposals and those made for their own organisation by
// a colleague (issue 11), never another organisation's. Read as a colleague of the author, who
// sees the proposal everywhere, and as the official of another organisation, who sees it nowhere.

const BENGTSFORS_WUZHOU = seedId("agreement", "bengtsfors-wuzhou-twin");
const BENGTSFORS = swedishOrgId({ kind: "kommun", code: "1460" });
const MORA = swedishOrgId({ kind: "kommun", code: "2062" });

describeEachDriver("proposals on every read path (issue 10 #7)", (db) => {
  let author: ActionContext;
  let reviewer: ActionContext;
  let outsider: ActionContext["user"];
  let colleague: ActionContext["user"];
  let proposalId: string;

  beforeAll(async () => {
    await seedDatabase(db(), { demoUsers: true });
    [author, reviewer] = await Promise.all([actingAs(db(), OFFICIAL), actingAs(db(), REVIEWER)]);
    const [u] = await db()
      .insert(users)
      .values({ email: "mora@example.se", name: "Mora-tjänstepersonen", passwordHash: "x", roles: ["municipal_official"], organizationId: MORA })
      .returning();
    outsider = { id: u!.id, email: u!.email, name: u!.name, roles: u!.roles, organizationId: MORA, organizationName: null, isDemo: false };
    const [c] = await db()
      .insert(users)
      .values({ email: "kollega@example.se", name: "Kollegan", passwordHash: "x", roles: ["municipal_official"], organizationId: BENGTSFORS })
      .returning();
    colleague = { id: c!.id, email: c!.email, name: c!.name, roles: c!.roles, organizationId: BENGTSFORS, organizationName: null, isDemo: false };
    const p = await createProposal({
      ctx: author,
      input: { kind: "agreement.update", agreementId: BENGTSFORS_WUZHOU, baseVersion: 1, changes: { funding: "Hemlig budget" }, summary: "Hemligt förslag" },
    });
    proposalId = p.id;
    // A notification the outsider got while they were a reviewer.
    await db().insert(notifications).values({ userId: outsider.id, kind: "proposal.submitted", proposalId, message: { title: "Hemligt förslag", actorName: "x" } });
  });

  it("the dashboard's proposal drill-down and its CSV export", async () => {
    const spec = { series: "proposals" as const, outcome: "open" as const };
    const ids = async (reader: ActionContext["user"]) => (await drilldown(db(), reader, spec)).rows.map((r) => r.proposal?.id);
    expect(await ids(reviewer.user)).toContain(proposalId);
    expect(await ids(author.user)).toContain(proposalId);
    expect(await ids(colleague)).toContain(proposalId);
    expect(await ids(outsider)).not.toContain(proposalId);
    const csv = async (reader: ActionContext["user"]) =>
      (await dashboardApiResponse(db(), reader, "drilldown", new URLSearchParams("series=proposals&outcome=open&format=csv"))).text();
    expect(await csv(colleague)).toContain(proposalId);
    const outsiders = await csv(outsider);
    expect(outsiders).not.toContain(proposalId);
    expect(outsiders.split("\n").filter((l) => l.trim()).length).toBe(1); // the header only
  });

  it("the agreement page's notice of pending proposals, and an official's home", async () => {
    const pending = async (reader: ActionContext["user"]) => (await pendingProposals(db(), reader, BENGTSFORS_WUZHOU)).map((p) => p.id);
    expect(await pending(reviewer.user)).toContain(proposalId);
    expect(await pending(author.user)).toContain(proposalId);
    expect(await pending(outsider)).toEqual([]);
    // A colleague in the author's own organisation sees it, so as not to propose the same change.
    expect(await pending(colleague)).toEqual([proposalId]);
    const homeProposals = async (reader: ActionContext["user"]) => (await organizationHome(db(), reader, BENGTSFORS)).flatMap((a) => a.proposals.map((p) => p.id));
    expect(await homeProposals(author.user)).toEqual([proposalId]);
    expect(await homeProposals(colleague)).toEqual([proposalId]);
    // Asked about Bengtsfors's agreements, the other organisation's official still gets none of its proposals.
    expect(await homeProposals(outsider)).toEqual([]);
  });

  it("the activity feed", async () => {
    const proposalItems = async (reader: ActionContext["user"]) =>
      (await activityFeed(db(), reader, { limit: 500 })).filter((i) => i.kind === "proposal").map((i) => i.entityId);
    expect(await proposalItems(reviewer.user)).toContain(proposalId);
    expect(await proposalItems(colleague)).toContain(proposalId);
    expect(await proposalItems(outsider)).toEqual([]);
  });

  it("the review queue and its organisation filter", async () => {
    const queue = async (reader: ActionContext["user"]) => (await listProposals(db(), reader, { status: "all" })).map((r) => r.proposal.id);
    expect(await queue(author.user)).toEqual([proposalId]);
    expect(await queue(colleague)).toEqual([proposalId]);
    expect(await queue(outsider)).toEqual([]);
    expect((await proposalOrganizations(db(), colleague)).map((o) => o.id)).toEqual([BENGTSFORS]);
    expect((await proposalOrganizations(db(), outsider)).map((o) => o.id)).not.toContain(BENGTSFORS);
    expect((await proposalOrganizations(db(), reviewer.user)).map((o) => o.id)).toContain(BENGTSFORS);
  });

  it("notifications about proposals the reader may not read, and the header's unread count", async () => {
    expect(await listNotifications(db(), outsider)).toEqual([]);
    expect(await unreadCount(db(), outsider)).toBe(0);
    expect(await unreadCount(db(), reviewer.user)).toBeGreaterThan(0);
    const [reviewerNote] = await db().select().from(notifications).where(eq(notifications.userId, reviewer.user.id));
    expect((await listNotifications(db(), reviewer.user)).map((n) => n.id)).toContain(reviewerNote!.id);
    // A colleague keeps the sight of a notification about their organisation's proposal.
    const [colleagueNote] = await db()
      .insert(notifications)
      .values({ userId: colleague.id, kind: "proposal.commented", proposalId, message: { title: "Hemligt förslag", actorName: "x" } })
      .returning();
    expect((await listNotifications(db(), colleague)).map((n) => n.id)).toEqual([colleagueNote!.id]);
    expect(await unreadCount(db(), colleague)).toBe(1);
  });
});
