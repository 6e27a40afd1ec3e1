import { monitorConnection } from "@/lib/admin/live-monitor";
import { requireOperator } from "@/lib/admin/require-operator";
import { errorResponse } from "@/lib/errors";
import { showRefSchema } from "@/lib/shows/schema";

/** A hidden, subscribe-only connection for a monitor tile (POST: it mints a credential). */
export async function POST(_request: Request, { params }: { params: Promise<{ roomNumber: string }> }) {
  try {
    const operator = await requireOperator("admin.monitor");
    const { roomNumber } = showRefSchema.parse(await params);
    return Response.json(await monitorConnection(operator, roomNumber), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
