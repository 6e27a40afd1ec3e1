import { requireUser } from "@/lib/auth/session";
import { errorResponse } from "@/lib/errors";
import { frameForReviewer } from "@/lib/screening/review";
import { frameNameSchema } from "@/lib/screening/schema";

/** A captured screening frame: operators only (403 for anyone else), never cached by anyone. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const user = await requireUser();
    const file = frameNameSchema.parse((await params).file);
    const bytes = await frameForReviewer(user, file);
    return new Response(new Uint8Array(bytes), { headers: { "content-type": "image/jpeg", "cache-control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
