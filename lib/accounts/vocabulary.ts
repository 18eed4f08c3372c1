// The accounts domain's closed lists, free of server imports so that forms can use them too.

/** What a single-use link is for. One token mechanism serves all three. */
export const TOKEN_PURPOSES = ["invite", "reset", "email_change"] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** How long a link lives, in milliseconds. */
export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invite: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
  email_change: 24 * 60 * 60 * 1000,
};

/** An organisation's contact: its registry office (registrator), a named person, or anything else. */
export const CONTACT_KINDS = ["registrator", "person", "other"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
