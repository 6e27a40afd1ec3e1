import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { loginSucceeded } from "@/lib/auth/login-guard";
import { loginSchema } from "@/lib/auth/schema";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { toErrorBody } from "@/lib/errors";

export const authOptions: NextAuthOptions = {
  // Credentials logins require JWT sessions in Auth.js v4; the token is signed and encrypted
  // with NEXTAUTH_SECRET (its own secret, never the LiveKit one).
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const parsed = loginSchema.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          // Attempts are counted by the route before this runs (app/api/auth/[...nextauth]/route.ts).
          const user = await verifyCredentials(parsed.data);
          if (user) await loginSucceeded(user.email);
          return user;
        } catch (error) {
          // Auth.js hands a thrown error's message to the login form: only our own words get there.
          const { body } = toErrorBody(error);
          throw new Error(body.message);
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) {
        session.user.id = token.uid;
        session.user.sessionVersion = token.sv ?? 0;
      }
      return session;
    },
  },
};
