import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db/app-db";
import { logger } from "../log";
import { recordAudit } from "./audit";
import { clientIp } from "./client-ip";
import { safeRedirectPath } from "./redirect";
import { resolveAuthSecret } from "./secret";
import { endUserSessions, renewSession, SESSION_IDLE_SECONDS, startSession } from "./sessions";
import { attemptSignIn } from "./sign-in";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    /** The account's session version the token was issued for (lib/auth/sessions.ts). */
    sessionVersion?: number;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sv?: number;
    authTime?: number;
  }
}

/** Too many failed attempts for this email or address: refused whatever the password. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const outcome = await attemptSignIn(await getDb(), {
          email: credentials?.email,
          password: credentials?.password,
          ip: clientIp(request?.headers),
        });
        if (outcome.ok) {
          const { id, email, name, sessionVersion } = outcome.user;
          return { id, email, name, sessionVersion };
        }
        if (outcome.reason === "locked") throw new SignInLocked();
        return null;
      },
    }),
  ],
  callbacks: {
    // Runs on every session read (the proxy's gate included): the absolute lifetime ends a
    // session here; the session version is checked against the database by getCurrentUser().
    jwt({ token, user }) {
      if (user?.id) return startSession(token, { id: user.id, sessionVersion: user.sessionVersion ?? 0 }, Date.now());
      return renewSession(token, Date.now());
    },
    // Every redirect next-auth makes (after sign-in or sign-out) stays on this site.
    redirect({ url, baseUrl }) {
      return baseUrl + safeRedirectPath(url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url);
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = token.sv;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (!userId) return;
      try {
        const db = await getDb();
        const ip = clientIp(await headers());
        await db.transaction(async (tx) => {
          await endUserSessions(tx, userId);
          await recordAudit(tx, { action: "auth.sign_out", actorId: userId, targetUserId: userId, ip });
        });
      } catch (error) {
        logger.error({ err: error, userId }, "could not end the sessions or record the sign-out");
      }
    },
  },
  logger: {
    // A failed sign-in is an expected outcome (and is in the audit log), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ err: error }, "auth error");
    },
  },
});
