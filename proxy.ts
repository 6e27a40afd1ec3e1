import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/security/headers";

// Runs before every matched request; it only adds headers, so static pages stay static.
// LIVEKIT_URL is read at run time: one build serves stacks on any ports.
export function proxy(request: NextRequest) {
  const response = NextResponse.next();
  const env = { livekitUrl: process.env.LIVEKIT_URL ?? "ws://127.0.0.1:7880", https: (process.env.NEXTAUTH_URL ?? "").startsWith("https:") };
  for (const [name, value] of securityHeaders(request.nextUrl.pathname, env)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the webhook: a proxy makes Next.js buffer request bodies (up to 10 MB) before the route
  // runs, which would undo the route's own size cap. Not the immutable build assets either.
  matcher: ["/((?!api/livekit/webhook|_next/static|_next/image).*)"],
};
