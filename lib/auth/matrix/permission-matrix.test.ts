import { beforeAll, describe, expect, it } from "vitest";
import { describeEachDriver } from "@/db/testing";
import { contextForSession } from "../context";
import { ForbiddenError, UnauthenticatedError } from "../errors";
import { ACTIONS, can, type Action } from "../permissions";
import { executorsFor } from "./executors";
import { ACTIVE_ACTORS, ACTOR_KEYS, createMatrixFixture, databaseFingerprint, resourceOf, type ActorKey, type MatrixFixture, type MatrixTarget } from "./fixture";

// The permission matrix, written out by hand (not derived from can()): for every action, who
// may do it on the default target, an agreement of the "same" organisation (Bengtsfors) whose
// proposal was written by someone else. Variants below change the target.

const EVERYONE = ACTIVE_ACTORS;
const ANALYSTS: ActorKey[] = ["analyst", "analyst_reviewer"];
const ADMIN: ActorKey[] = ["admin"];
const STAFF: ActorKey[] = ["admin", "analyst", "reviewer", "analyst_reviewer"];

const MATRIX: Record<Action, readonly ActorKey[]> = {
  "agreement.read": EVERYONE,
  "event.read": EVERYONE,
  "source.read": EVERYONE,
  "attachment.read": EVERYONE,
  "dashboard.read": EVERYONE,
  "organization.read": EVERYONE,
  "agreement.create": ANALYSTS,
  "agreement.update": ANALYSTS,
  "organization.create": ANALYSTS,
  "organization.update": ANALYSTS,
  "source.create": ANALYSTS,
  "source.update": ANALYSTS,
  "event.create": ANALYSTS,
  "event.correct": ANALYSTS,
  "attachment.upload": ANALYSTS,
  "claim.create": ANALYSTS,
  "claim.prefer": ANALYSTS,
  "revision.revert": ANALYSTS,
  "import.run": ANALYSTS,
  // An official proposes changes to their own organisation's agreements only.
  "proposal.create": [...ANALYSTS, "official_same_org"],
  // "Nothing has changed": officials for their own organisation, analysts for any.
  "confirmation.create": [...ANALYSTS, "official_same_org"],
  // Staff read and comment on every proposal; an official also on those made for their own
  // organisation by someone else (a colleague), but revises only their own and never reviews.
  "proposal.read": [...STAFF, "official_same_org"],
  "proposal.comment": [...STAFF, "official_same_org"],
  "proposal.revise": [],
  "proposal.review": ["reviewer", "analyst_reviewer"],
  "release.publish": ["reviewer", "analyst_reviewer"],
  // Check-in campaigns: analysts start and close them, staff follow them; officials never see
  // them (a campaign's page lists other organisations), not even one that includes their own.
  "campaign.read": ["admin", "analyst", "reviewer", "analyst_reviewer"],
  "campaign.start": ANALYSTS,
  "campaign.close": ANALYSTS,
  "user.manage": ADMIN,
  "audit.read": ADMIN,
  "settings.manage": ADMIN,
  "outbox.read": ADMIN,
  // Inviting a municipal official, of any organisation: analysts and admins, never officials
  // (staff roles are "user.manage": admins; inviteUser's staff case is run under it).
  "user.invite": ["admin", ...ANALYSTS],
  // An organisation's contacts: staff read them, analysts and admins edit them; officials never.
  "contact.read": ["admin", "analyst", "reviewer", "analyst_reviewer"],
  "contact.manage": ["admin", ...ANALYSTS],
  // One's own password and address.
  "account.update": EVERYONE,
};

interface Variant {
  name: string;
  target: (fx: MatrixFixture, actorId: string | null) => MatrixTarget;
  allowed: Partial<Record<Action, readonly ActorKey[]>>;
}

const defaultTarget = (fx: MatrixFixture): MatrixTarget => ({
  agreementId: fx.agreements.same,
  organizationId: fx.orgs.same,
  proposalAuthorId: fx.authorId,
});

const VARIANTS: Variant[] = [
  { name: "on an agreement of the same organisation", target: defaultTarget, allowed: MATRIX },
  {
    name: "on another organisation's agreement",
    target: (fx) => ({ agreementId: fx.agreements.other, organizationId: fx.orgs.other, proposalAuthorId: fx.authorId }),
    allowed: {
      "proposal.create": [...ANALYSTS, "official_other_org"],
      "confirmation.create": [...ANALYSTS, "official_other_org"],
      "agreement.update": ANALYSTS,
      "event.create": ANALYSTS,
      "attachment.upload": ANALYSTS,
      // A proposal for another organisation: its own officials read it and comment on it, the
      // official of Bengtsfors does not (issue 10 #7).
      "proposal.read": [...STAFF, "official_other_org"],
      "proposal.comment": [...STAFF, "official_other_org"],
      "proposal.revise": [],
      "proposal.review": MATRIX["proposal.review"],
      // The official of the other organisation may not invite to it or see its contacts either.
      "user.invite": MATRIX["user.invite"],
      "contact.read": MATRIX["contact.read"],
      "contact.manage": MATRIX["contact.manage"],
      "campaign.read": MATRIX["campaign.read"],
      "campaign.start": MATRIX["campaign.start"],
    },
  },
  {
    name: "on their own proposal",
    target: (fx, actorId) => ({ ...defaultTarget(fx), proposalAuthorId: actorId ?? fx.authorId }),
    allowed: {
      // Reviewers never approve or reject their own proposal.
      "proposal.review": [],
      "proposal.revise": EVERYONE,
      "proposal.read": EVERYONE,
      "proposal.comment": EVERYONE,
    },
  },
];

describe("the permission matrix", () => {
  it("has an expectation for every action", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
  });
});

describeEachDriver("every action for every role", (db) => {
  let fx: MatrixFixture;
  beforeAll(async () => {
    fx = await createMatrixFixture(db());
  }, 120_000);

  for (const variant of VARIANTS) {
    describe(variant.name, () => {
      for (const action of Object.keys(variant.allowed) as Action[]) {
        const allowedFor = new Set(variant.allowed[action]);
        for (const key of ACTOR_KEYS) {
          const allowed = allowedFor.has(key);
          it(`${action} by ${key}: ${allowed ? "allowed" : "refused"}`, async () => {
            const subject = fx.actors[key];
            const target = variant.target(fx, subject.id);
            expect(can(subject.actor, action, resourceOf(target)), "can()").toBe(allowed);

            for (const executor of executorsFor(action)) {
              const prepared = executor.prepare ? await executor.prepare(fx, target) : undefined;
              const before = allowed ? null : await databaseFingerprint(fx.db);
              const attempt = (async () => {
                // As a request would: the session's user is reread (deactivated or unknown: 401).
                const ctx = await contextForSession(fx.db, subject.id, "192.0.2.10");
                return executor.run(ctx, fx, prepared, target);
              })();
              if (allowed) {
                await expect(attempt, executor.name).resolves.not.toThrow();
              } else {
                const error = await attempt.then(
                  () => null,
                  (e: unknown) => e,
                );
                const expected = subject.actor?.active ? ForbiddenError : UnauthenticatedError;
                expect(error, `${executor.name} must refuse`).toBeInstanceOf(expected);
                expect(await databaseFingerprint(fx.db), `${executor.name} changed the database`).toBe(before);
              }
            }
          });
        }
      }
    });
  }
});
