import { eq } from "drizzle-orm";
import { agreements, campaignOrganizations, campaigns, organizations, proposals, users } from "@/db/schema";
import { confirmAgreements } from "../../confirmations/create";
import { agreementStates } from "../../confirmations/current-state";
import { applyAgreementChanges } from "../../review/apply";
import { commentOnProposal, createProposal, rejectProposal, reviseProposal } from "../../review/proposals";
import { revertRevision } from "../../review/revert";
import { listOutbox } from "../../mail/list";
import { closeCampaign } from "../../campaigns/close";
import { getCampaign, listCampaigns } from "../../campaigns/read";
import { previewSelection } from "../../campaigns/selection";
import { startCampaign } from "../../campaigns/start";
import { updateSettings } from "../../settings";
import { listAuditLog } from "../audit-list";
import { assertCan, type ActionContext } from "../context";
import type { Action } from "../permissions";
import { changeRoles } from "../../users/change-roles";
import { createUser } from "../../users/create";
import { deactivateUser } from "../../users/deactivate";
import { listSwedishOrganizations, listUsers } from "../../users/list";
import { reactivateUser } from "../../users/reactivate";
import type { WriteResult } from "../../users/result";
import { hashPassword } from "../password";
import { addContact } from "../../accounts/add-contact";
import { changePassword } from "../../accounts/change-password";
import { inviteUser } from "../../accounts/invite";
import { listOrganizationContacts } from "../../accounts/list-contacts";
import { removeContact } from "../../accounts/remove-contact";
import { updateContact } from "../../accounts/update-contact";
import { organizationContacts } from "@/db/schema";
import { resourceOf, type MatrixFixture, type MatrixTarget } from "./fixture";

/**
 * How the permission matrix runs an action through the real server functions.
 *
 * Each executor calls one lib function with `{ ctx, input }` as the signed-in actor would;
 * the function must check `can()` itself and throw ForbiddenError when refused. `prepare`
 * makes what the call needs (a target account, a proposal) before the database is
 * fingerprinted, so that only the call's own writes count.
 *
 * TO ADD YOUR WRITE FUNCTION: add an entry under its action, e.g.
 *
 *     "agreement.update": [{ name: "updateAgreement", run: (ctx, fx, _p, target) =>
 *         expectOk(updateAgreement({ ctx, input: { id: target.agreementId, version: 1, notes: "x" } })) }],
 *
 * An action without an entry is run through the guard alone (assertCan, as requirePermission).
 */
export interface Executor<P = unknown> {
  name: string;
  prepare?: (fx: MatrixFixture, target: MatrixTarget) => Promise<P>;
  run: (ctx: ActionContext, fx: MatrixFixture, prepared: P, target: MatrixTarget) => Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own prepared type
export const EXECUTORS: Partial<Record<Action, Executor<any>[]>> = {
  "user.manage": [
    {
      name: "createUser (analyst and reviewer)",
      run: (ctx) =>
        expectOk(createUser({ ctx, input: { name: "New Analyst", email: uniqueEmail("created"), password: PASSWORD, roles: ["analyst", "reviewer"] } })),
    },
    {
      name: "createUser (municipal official)",
      run: (ctx, fx) =>
        expectOk(
          createUser({
            ctx,
            input: { name: "New Official", email: uniqueEmail("created"), password: PASSWORD, roles: ["municipal_official"], organizationId: fx.orgs.same },
          }),
        ),
    },
    {
      name: "changeRoles",
      prepare: (fx) => insertAccount(fx, true),
      run: (ctx, _fx, userId: string) =>
        expectOk(changeRoles({ ctx, input: { userId, roles: ["analyst", "reviewer"], base: { roles: ["analyst"], organizationId: null } } })),
    },
    {
      name: "deactivateUser",
      prepare: (fx) => insertAccount(fx, true),
      run: (ctx, _fx, userId: string) => expectOk(deactivateUser({ ctx, input: { userId, reason: "left the project" } })),
    },
    {
      name: "reactivateUser",
      prepare: (fx) => insertAccount(fx, false),
      run: (ctx, _fx, userId: string) => expectOk(reactivateUser({ ctx, input: { userId } })),
    },
    {
      name: "inviteUser (staff role)",
      run: (ctx) => expectOk(inviteUser({ ctx, input: { name: "Invited Analyst", email: uniqueEmail("invited"), roles: ["analyst"] } })),
    },
    { name: "listUsers", run: (ctx) => listUsers({ ctx }) },
    { name: "listSwedishOrganizations", run: (ctx) => listSwedishOrganizations({ ctx }) },
  ],
  "audit.read": [{ name: "listAuditLog", run: (ctx) => listAuditLog({ ctx, input: { limit: 10 } }) }],
  "proposal.create": [
    {
      name: "createProposal (agreement edit)",
      prepare: (fx, target) => agreementVersion(fx, target.agreementId),
      run: (ctx, _fx, version: number, target) =>
        createProposal({ ctx, input: { kind: "agreement.update", agreementId: target.agreementId, baseVersion: version, changes: { funding: "Matris" } } }),
    },
  ],
  "confirmation.create": [
    {
      name: "confirmAgreements",
      prepare: async (fx, target) => (await agreementStates(fx.db, [target.agreementId])).get(target.agreementId)!.eventId!,
      run: (ctx, _fx, eventId: string, target) => confirmAgreements({ ctx, input: { items: [{ agreementId: target.agreementId, eventId }], note: "Matris" } }),
    },
  ],
  "proposal.review": [
    {
      name: "rejectProposal",
      prepare: (fx, target) => insertProposal(fx, target),
      run: (ctx, _fx, proposalId: string) => rejectProposal({ ctx, input: { proposalId, version: 1, reason: "Saknar källa" } }),
    },
  ],
  "proposal.comment": [
    {
      name: "commentOnProposal",
      prepare: (fx, target) => insertProposal(fx, target),
      run: (ctx, _fx, proposalId: string) => commentOnProposal({ ctx, input: { proposalId, body: "En fråga" } }),
    },
  ],
  "proposal.revise": [
    {
      name: "reviseProposal",
      prepare: async (fx, target) => ({ proposalId: await insertProposal(fx, target), version: await agreementVersion(fx, target.agreementId) }),
      run: (ctx, _fx, p: { proposalId: string; version: number }, target) =>
        reviseProposal({
          ctx,
          input: { proposalId: p.proposalId, proposal: { kind: "agreement.update", agreementId: target.agreementId, baseVersion: p.version, changes: { funding: "Reviderad" } } },
        }),
    },
  ],
  "revision.revert": [
    {
      name: "revertRevision",
      prepare: async (fx, target) =>
        (await fx.db.transaction((tx) => applyAgreementChanges(tx, target.agreementId, { funding: `Före återställning ${(counter += 1)}` }, { actorId: fx.authorId }))).revisionId,
      run: (ctx, _fx, revisionId: number) => revertRevision({ ctx, input: { revisionId, reason: "Fel uppgift" } }),
    },
  ],
  "campaign.start": [
    {
      name: "startCampaign (the target's county)",
      prepare: (fx, target) => countyOf(fx, target.organizationId),
      run: (ctx, _fx, county: string) => expectOk(startCampaign({ ctx, input: campaignInput(county) })),
    },
    { name: "previewSelection", prepare: (fx, target) => countyOf(fx, target.organizationId), run: (ctx, _fx, county: string) => previewSelection({ ctx, input: campaignInput(county).selection }) },
  ],
  "campaign.close": [
    {
      name: "closeCampaign",
      prepare: (fx, target) => insertCampaign(fx, target),
      run: (ctx, _fx, campaignId: string) => expectOk(closeCampaign({ ctx, input: { campaignId } })),
    },
  ],
  "campaign.read": [
    { name: "listCampaigns", run: (ctx) => listCampaigns({ ctx }) },
    {
      name: "getCampaign (a campaign over the target's organisation)",
      prepare: (fx, target) => insertCampaign(fx, target),
      run: async (ctx, _fx, campaignId: string) => {
        if (!(await getCampaign({ ctx, input: { id: campaignId } }))) throw new Error("expected the campaign");
      },
    },
  ],
  "user.invite": [
    {
      name: "inviteUser (municipal official of the target's organisation)",
      run: (ctx, _fx, _p, target) =>
        expectOk(inviteUser({ ctx, input: { name: "Invited Official", email: uniqueEmail("invited"), organizationId: target.organizationId } })),
    },
  ],
  "contact.read": [{ name: "listOrganizationContacts", run: (ctx, _fx, _p, target) => listOrganizationContacts({ ctx, input: { organizationId: target.organizationId } }) }],
  "contact.manage": [
    {
      name: "addContact",
      run: (ctx, _fx, _p, target) =>
        expectOk(addContact({ ctx, input: { organizationId: target.organizationId, kind: "registrator", email: uniqueEmail("registrator") } })),
    },
    {
      name: "updateContact",
      prepare: (fx, target) => insertContact(fx, target),
      run: (ctx, _fx, id: string) => expectOk(updateContact({ ctx, input: { id, version: 1, kind: "person", email: uniqueEmail("person"), name: "Ny Person" } })),
    },
    {
      name: "removeContact",
      prepare: (fx, target) => insertContact(fx, target),
      run: (ctx, _fx, id: string) => expectOk(removeContact({ ctx, input: { id, version: 1 } })),
    },
  ],
  "account.update": [
    {
      // The fixture's password to itself: the case can run for every actor, in any order.
      name: "changePassword (own)",
      run: (ctx) =>
        expectOk(changePassword({ ctx, input: { currentPassword: FIXTURE_PASSWORD, password: FIXTURE_PASSWORD, passwordRepeat: FIXTURE_PASSWORD } })),
    },
  ],
  "outbox.read": [{ name: "listOutbox", run: (ctx) => listOutbox({ ctx, input: { limit: 10 } }) }],
  "settings.manage": [{ name: "updateSettings", run: (ctx) => updateSettings({ ctx, input: { analystEditsRequireReview: false } }) }],
};

const campaignInput = (countyCode: string) => ({
  title: `Matris ${(counter += 1)}`,
  messageSv: "Stämmer uppgifterna om era avtal?",
  reminderAfterDays: 14,
  selection: { kinds: ["kommun"], countyCode, withAgreementsOnly: true },
});

async function countyOf(fx: MatrixFixture, organizationId: string): Promise<string> {
  const [o] = await fx.db.select({ county: organizations.countyCode }).from(organizations).where(eq(organizations.id, organizationId));
  return o!.county!;
}

/** An open campaign over the target's organisation, started by the other analyst. */
async function insertCampaign(fx: MatrixFixture, target: MatrixTarget): Promise<string> {
  const [c] = await fx.db
    .insert(campaigns)
    .values({ title: `Matris ${(counter += 1)}`, messageSv: "Stämmer uppgifterna?", selection: {}, reminderAfterDays: 14, startedBy: fx.authorId, startedAt: new Date() })
    .returning({ id: campaigns.id });
  await fx.db.insert(campaignOrganizations).values({ campaignId: c!.id, organizationId: target.organizationId });
  return c!.id;
}

async function agreementVersion(fx: MatrixFixture, agreementId: string): Promise<number> {
  const [a] = await fx.db.select({ version: agreements.version }).from(agreements).where(eq(agreements.id, agreementId));
  return a!.version;
}

/** An open proposal on the target agreement written by the target's author (who may be the actor). */
async function insertProposal(fx: MatrixFixture, target: MatrixTarget): Promise<string> {
  const version = await agreementVersion(fx, target.agreementId);
  const payload = { kind: "agreement.update", agreementId: target.agreementId, baseVersion: version, changes: { funding: "Förslag" }, baseValues: { funding: null } };
  const [row] = await fx.db
    .insert(proposals)
    .values({ kind: "agreement.update", agreementId: target.agreementId, organizationId: target.organizationId, baseVersion: version, payload, authorId: target.proposalAuthorId })
    .returning({ id: proposals.id });
  return row!.id;
}

/** The executor for an action nobody has registered a function for yet: the guard alone. */
export function guardOnly(action: Action): Executor {
  return { name: "requirePermission (guard only)", run: async (ctx, _fx, _p, target) => assertCan(ctx.user, action, resourceOf(target)) };
}

export function executorsFor(action: Action): Executor[] {
  return EXECUTORS[action] ?? [guardOnly(action)];
}

const PASSWORD = "a-long-enough-password";
const FIXTURE_PASSWORD = "matrix-password-not-used";

async function insertContact(fx: MatrixFixture, target: MatrixTarget): Promise<string> {
  const [row] = await fx.db
    .insert(organizationContacts)
    .values({ organizationId: target.organizationId, kind: "registrator", email: uniqueEmail("contact"), createdBy: fx.authorId })
    .returning({ id: organizationContacts.id });
  return row!.id;
}

/** Fails the case when an allowed call did not do its work (its input was wrong, not its permission). */
export async function expectOk<T>(result: Promise<WriteResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`expected success, got ${r.message} ${JSON.stringify(r.fieldErrors)}`);
  return r.value;
}

let counter = 0;
function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}@matrix.test`;
}

let passwordHash: Promise<string> | undefined;
async function insertAccount(fx: MatrixFixture, active: boolean): Promise<string> {
  const [row] = await fx.db
    .insert(users)
    .values({ email: uniqueEmail("target"), name: "Target", passwordHash: await (passwordHash ??= hashPassword("target-password")), roles: ["analyst"], active })
    .returning({ id: users.id });
  return row!.id;
}
