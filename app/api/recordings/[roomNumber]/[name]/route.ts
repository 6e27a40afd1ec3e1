import { readRecordingPart } from "@/lib/recording/replay";
import { roomNumberSchema } from "@/lib/shows/schema";

type Params = { params: Promise<{ roomNumber: string; name: string }> };

/** One finished recording part (byte ranges, for seeking in the replay). Anything else: 404. */
export async function GET(request: Request, { params }: Params) {
  const { roomNumber, name } = await params;
  const room = roomNumberSchema.safeParse(roomNumber);
  const response = room.success ? await readRecordingPart(room.data, name, request.headers.get("range")) : null;
  return response ?? Response.json({ error: { code: "NOT_FOUND", message: "No such recording" } }, { status: 404 });
}
