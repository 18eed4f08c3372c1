/**
 * The time a campaign lives by: when it starts and closes, when an organisation was last written
 * to, when a reminder is due. Injected so that a test can let days pass; the app uses the system's.
 * (Answers keep their own recorded times: confirmations, proposals and sign-ins are stamped by
 * the database.)
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const DAY_MS = 24 * 60 * 60 * 1000;
