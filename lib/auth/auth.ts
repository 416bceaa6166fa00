import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ZSignIn } from "@/lib/auth/schema";
import { revokeSession, SESSION_DAYS, signInWithPassword } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/http/request-meta";

// next-auth with email + password. The credentials provider requires JWT sessions; the JWT carries
// only the id of a server-side Session row, which the guard checks on every request, so sign-out,
// deactivation and admin revocation take effect immediately.

declare module "next-auth" {
  interface Session {
    sessionId?: string;
  }
  interface User {
    sessionId?: string;
  }
}

class WrongCredentials extends CredentialsSignin {
  code = "invalid";
}
class TooManyAttempts extends CredentialsSignin {
  code = "throttled";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A failed sign-in is an expected outcome (already recorded in login_attempts), not a server error.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin" || error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_DAYS * 86_400 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = ZSignIn.safeParse(raw);
        if (!parsed.success) throw new WrongCredentials();
        const outcome = await signInWithPassword(parsed.data, {
          ipAddress: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!outcome.ok) throw outcome.reason === "throttled" ? new TooManyAttempts() : new WrongCredentials();
        return { id: outcome.userId, sessionId: outcome.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
});
