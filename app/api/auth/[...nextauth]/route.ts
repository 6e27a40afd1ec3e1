import NextAuth from "next-auth";
import { guardLoginAttempt } from "@/lib/auth/login-guard";
import { authOptions } from "@/lib/auth/options";
import { env } from "@/lib/env";
import { toErrorBody } from "@/lib/errors";
import { clientIpFrom } from "@/lib/rate-limit/client-ip";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * Password logins are rate limited before Auth.js hashes anything. A refusal keeps the shape
 * Auth.js's client expects (`url` with `?error=`), so `signIn()` reports it, with status 429.
 */
async function POST(request: Request, context: Context) {
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "callback/credentials") {
    try {
      const form = await request.clone().formData();
      const ip = clientIpFrom(request.headers.get("x-forwarded-for"), env().SUIXIN_TRUSTED_PROXY_HOPS);
      await guardLoginAttempt(ip, form.get("email"));
    } catch (error) {
      const { status, body } = toErrorBody(error);
      const url = new URL("/login", request.url);
      url.searchParams.set("error", body.message);
      const headers: HeadersInit = body.retryAfterSeconds ? { "retry-after": String(body.retryAfterSeconds) } : {};
      return Response.json({ url: url.toString(), error: body }, { status, headers });
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
