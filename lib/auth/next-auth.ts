import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { getDb } from "@/db/app-db";
import { recordAudit } from "./audit";
import { clientIp } from "./client-ip";
import { resolveAuthSecret } from "./secret";
import { attemptSignIn } from "./sign-in";

const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // a working day

/** Too many failed attempts for this email or address: refused whatever the password. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: resolveAuthSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
        if (outcome.ok) return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name };
        if (outcome.reason === "locked") throw new SignInLocked();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const userId = "token" in message ? message.token?.sub : undefined;
      if (!userId) return;
      try {
        const db = await getDb();
        await recordAudit(db, { action: "auth.sign_out", actorId: userId, targetUserId: userId, ip: clientIp(await headers()) });
      } catch (error) {
        console.error("[auth] could not record sign-out", error);
      }
    },
  },
  logger: {
    // A failed sign-in is an expected outcome (and is in the audit log), not a server error.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
});
