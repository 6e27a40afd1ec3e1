import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { screeningOverview } from "@/lib/screening/review";
import { showRefSchema } from "@/lib/shows/schema";

/** Screening of one show (health, blur, flags, recent scores): operators only. */
export async function GET(_request: Request, { params }: { params: Promise<{ roomNumber: string }> }) {
  try {
    const user = await requireUser();
    const { roomNumber } = showRefSchema.parse(await params);
    return Response.json(await screeningOverview(user, roomNumber), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
