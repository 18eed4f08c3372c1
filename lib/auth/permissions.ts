import type { Role } from "../domain/enums";

/**
 * The permission matrix: the one place that decides who may do what. Every server action and
 * route handler asks `can(user, action, resource)` (through lib/auth/guard.ts); the UI asks the
 * same function only to hide what would be refused.
 */

/** Anyone signed in. */
const READ = ["agreement.read", "event.read", "source.read", "attachment.read", "dashboard.read", "organization.read"] as const;
/** Curating: analysts. */
const CURATE = [
  "agreement.create",
  "agreement.update",
  "organization.create",
  "organization.update",
  "source.create",
  "source.update",
  "event.create",
  "event.correct",
  "attachment.upload",
  "claim.create",
  "claim.prefer",
  "revision.revert",
  "import.run",
] as const;
/** Collaboration: decided per case in can(). */
const COLLABORATE = ["proposal.create", "proposal.read", "proposal.comment", "proposal.revise", "proposal.review", "confirmation.create"] as const;
/** Publishing open-data releases: reviewers. */
const PUBLISH = ["release.publish"] as const;
/** Check-in campaigns: analysts start and close them; staff follow them. Officials never see them (other organisations' rows). */
const CAMPAIGN = ["campaign.read", "campaign.start", "campaign.close"] as const;
/** Administration: admins. */
const ADMINISTER = ["user.manage", "audit.read", "settings.manage", "outbox.read"] as const;
/**
 * Accounts and contacts, decided in can(): inviting a municipal official (analysts and admins;
 * staff roles are "user.manage"), an organisation's contacts (staff read, analysts and admins
 * edit), and one's own account (password, e-mail address).
 */
const ACCOUNTS = ["user.invite", "contact.read", "contact.manage", "account.update"] as const;

export const ACTIONS = [...READ, ...CURATE, ...COLLABORATE, ...PUBLISH, ...CAMPAIGN, ...ADMINISTER, ...ACCOUNTS] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  id: string;
  roles: readonly Role[];
  /** For municipal officials: their organisation. Never taken from the client. */
  organizationId: string | null;
  active: boolean;
}

/** What an action is about, where the answer depends on it. */
export interface Resource {
  /**
   * The Swedish organisation the record belongs to (an agreement's Swedish party; for a
   * proposal, the organisation it was made for: its `organization_id`).
   */
  organizationId?: string | null;
  /** The author of a proposal. */
  authorId?: string | null;
}

const READ_ACTIONS: ReadonlySet<Action> = new Set(READ);
const ANALYST_ACTIONS: ReadonlySet<Action> = new Set(CURATE);
const ADMIN_ACTIONS: ReadonlySet<Action> = new Set(ADMINISTER);

export function can(user: Actor | null | undefined, action: Action, resource: Resource = {}): boolean {
  if (!user || !user.active) return false;
  const has = (role: Role) => user.roles.includes(role);
  const isOfficialOf = (orgId: string | null | undefined) =>
    has("municipal_official") && !!user.organizationId && !!orgId && orgId === user.organizationId;
  const isAuthor = !!resource.authorId && resource.authorId === user.id;

  if (READ_ACTIONS.has(action)) return true;
  if (ANALYST_ACTIONS.has(action)) return has("analyst");
  if (ADMIN_ACTIONS.has(action)) return has("admin");

  switch (action) {
    case "proposal.create":
      // Analysts may propose for any record; officials only for their own organisation's.
      return has("analyst") || isOfficialOf(resource.organizationId);
    case "confirmation.create":
      // "Nothing has changed": officials for their own organisation; analysts for any.
      return has("analyst") || isOfficialOf(resource.organizationId);
    case "proposal.read":
    case "proposal.comment":
      // Staff read every proposal; an official their own, and those made for their own
      // organisation (a colleague's), never another organisation's. Revising stays the author's.
      return isAuthor || isOfficialOf(resource.organizationId) || has("reviewer") || has("analyst") || has("admin");
    case "proposal.revise":
      return isAuthor;
    case "proposal.review":
      // Never one's own proposal, whatever else one may do.
      return has("reviewer") && !!resource.authorId && !isAuthor;
    case "release.publish":
      return has("reviewer");
    case "user.invite":
      // A municipal official of any Swedish organisation; never by officials themselves.
      return has("analyst") || has("admin");
    case "contact.read":
      // Staff only: never officials (of any organisation), never the public register.
      return has("analyst") || has("reviewer") || has("admin");
    case "contact.manage":
      return has("analyst") || has("admin");
    case "account.update":
      return true;
    case "campaign.start":
    case "campaign.close":
      return has("analyst");
    case "campaign.read":
      return has("analyst") || has("reviewer") || has("admin");
    default:
      return false;
  }
}
