import { requireUser } from "@/lib/auth/session";
import { AppError, errorResponse } from "@/lib/errors";
import { readTextCapped } from "@/lib/http/capped-body";
import { showRefSchema } from "@/lib/shows/schema";
import { runStageCommand } from "@/lib/stage/command";
import { stageCommandSchema } from "@/lib/stage/schema";
import { stageForHost } from "@/lib/stage/state";

type Params = { params: Promise<{ roomNumber: string }> };

const NO_STORE = { "cache-control": "no-store" };

/** A stage command is a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 16 * 1024;

// JSON only: a cross-site form cannot send that content type without the browser asking first.
async function jsonBody(request: Request): Promise<unknown> {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    throw new AppError("VALIDATION", "The request body must be JSON.");
  }
  const text = await readTextCapped(request, MAX_BODY_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("VALIDATION", "The request body must be JSON.");
  }
}

/** The stage as the host sees it (host only). */
export async function GET(_request: Request, { params }: Params) {
  try {
    const user = await requireUser();
    const { roomNumber } = showRefSchema.parse(await params);
    return Response.json(await stageForHost(user, roomNumber), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}

/** One stage command (invite, answer, raise a hand, mute, remove, leave…): lib/stage/schema.ts. */
export async function POST(request: Request, { params }: Params) {
  try {
    const user = await requireUser();
    const { roomNumber } = showRefSchema.parse(await params);
    const command = stageCommandSchema.parse(await jsonBody(request));
    return Response.json(await runStageCommand(user, roomNumber, command), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
