import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { startHlsPush } from "@/lib/push/push";
import { startHlsPushSchema } from "@/lib/push/schema";

/**
 * Starts the show's HLS push (as the studio's button does), for tools and scripts of the host.
 * Starting it again while it runs answers 200 with the running channel and notice ALREADY_PUSHING.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ roomNumber: string }> }) {
  try {
    const user = await requireUser();
    const { roomNumber } = startHlsPushSchema.parse(await params);
    return Response.json(await startHlsPush(user, roomNumber), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
