// The app's HTTP server: Next.js (as `next start` would run it), with the security headers set on
// every answer (lib/security/headers.ts) and a small shared cache in front of the room list
// (lib/http-cache/shared-cache.ts): Next's own page cache alone serves the list at about the cost
// of a dynamic route (README, "A shared cache in front of Next"). Started by the supervisor once
// per app instance (scripts/stack/services.ts):
// `node --import tsx server.ts -p <port> -H <host>`, NODE_ENV=production.
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { withSharedCache } from "./lib/http-cache/shared-cache";
import { ROOM_LIST_URL, roomListRoute } from "./lib/http/room-list-urls";
import { withSecurityHeaders } from "./lib/security/headers";

/**
 * A server action's answer is a few hundred bytes, streamed: Next would gzip it through a zlib
 * stream of its own per answer (≈ 5 % of a chat send's CPU in bench:chat's profile) to save
 * almost nothing. Pages, their navigations and the room list keep their compression.
 */
function withoutGzipForActions(req: http.IncomingMessage): void {
  if (req.method === "POST" && req.headers["next-action"] !== undefined) delete req.headers["accept-encoding"];
}

/** The request as Next gets it: the room list's public URLs on their cached routes (lib/http/room-list-urls). */
function forNext(req: http.IncomingMessage): http.IncomingMessage {
  withoutGzipForActions(req);
  const route = req.url === undefined ? null : roomListRoute(req.url);
  if (route !== null) req.url = route;
  return req;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname ?? "127.0.0.1";
  const app = next({ dev: false, dir: __dirname, hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const loopback = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  // LIVEKIT_URL is read at run time: one build serves stacks on any ports.
  const headerEnv = { livekitUrl: process.env.LIVEKIT_URL ?? "ws://127.0.0.1:7880", https: (process.env.NEXTAUTH_URL ?? "").startsWith("https:") };
  const server = http.createServer(
    withSecurityHeaders(
      withSharedCache((req, res) => void handle(forNext(req), res), {
        origin: `http://${loopback.includes(":") ? `[${loopback}]` : loopback}:${port}`,
        cacheable: (pathAndQuery) => ROOM_LIST_URL.test(pathAndQuery),
      }),
      headerEnv,
    ),
  );
  server.listen(port, hostname, () => console.info(`app listening on http://${hostname}:${port}`));
  // As `next start` does: stop taking connections and let the requests in flight finish, then
  // close Next, and exit with the signal's code.
  let stopping = false;
  const stop = (signal: "SIGTERM" | "SIGINT"): void => {
    if (stopping) return;
    stopping = true;
    server.close((error) => {
      if (error) console.error(error);
      app
        .close()
        .catch((closeError: unknown) => console.error(closeError))
        .finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
