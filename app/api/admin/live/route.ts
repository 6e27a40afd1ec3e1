import { liveMonitorPage } from "@/lib/admin/live-monitor";
import { requireOperator } from "@/lib/admin/require-operator";
import { pageParamSchema } from "@/lib/admin/schema";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The live monitor's tiles (operators only), polled by the dashboard every few seconds. */
export async function GET(request: Request) {
  try {
    await requireOperator("admin.view");
    const page = pageParamSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
    return Response.json(await liveMonitorPage(page), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
