import { db } from "@/lib/db";
import { isLeader } from "@/lib/leader";

export const dynamic = "force-dynamic";

/**
 * Readiness: the app is up and can reach its database. Also says which process this is and
 * whether it runs the leader loops (one instance at a time does), for operators and tests.
 */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true, pid: process.pid, leader: isLeader() });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
}
