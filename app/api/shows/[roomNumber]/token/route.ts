import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { joinShowAsViewer } from "@/lib/shows/join-show";
import { showRefSchema } from "@/lib/shows/schema";

/** A subscribe-only LiveKit connection for the logged-in viewer (POST: it mints a credential). */
export async function POST(_request: Request, { params }: { params: Promise<{ roomNumber: string }> }) {
  try {
    const user = await requireUser();
    const { roomNumber } = showRefSchema.parse(await params);
    return Response.json(await joinShowAsViewer(user, roomNumber), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
