import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Readiness: the app is up and can reach its database. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
}
