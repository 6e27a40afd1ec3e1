import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** the account's session version when this session was issued (lib/auth/session.ts) */
    sessionVersion: number;
  }
  interface Session {
    user?: { id: string; sessionVersion: number; name?: string | null; email?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    /** absent in sessions issued before session versions existed: version 0 */
    sv?: number;
  }
}
