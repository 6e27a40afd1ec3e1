import { readHlsFile } from "@/lib/egress/hls";
import { roomNumberSchema } from "@/lib/shows/schema";

type Params = { params: Promise<{ roomNumber: string; path: string[] }> };

const notFound = () => Response.json({ error: { code: "NOT_FOUND", message: "No such stream file" } }, { status: 404 });
const forbidden = () => Response.json({ error: { code: "FORBIDDEN", message: "This playback link is not valid (tampered, expired or for another show). Reload the watch page." } }, { status: 403 });
const gone = () => Response.json({ error: { code: "SHOW_ENDED", message: "This stream has ended" } }, { status: 410 });

/**
 * Serves a running HLS output: /api/hls/<room>/<run>/<live.m3u8 | seg_00001.ts>?t=<signed link>.
 * Exactly two path parts, each checked against a strict pattern in lib/egress, so nothing else on
 * disk is reachable; the signed link is checked for that show (403); a run that stopped answers
 * 410. Same origin only: no CORS header.
 */
export async function GET(request: Request, { params }: Params) {
  const { roomNumber, path } = await params;
  const room = roomNumberSchema.safeParse(roomNumber);
  const [runId, name, ...rest] = path;
  if (!room.success || !runId || !name || rest.length > 0) return notFound();
  const answer = await readHlsFile(room.data, runId, name, new URL(request.url).searchParams.get("t"));
  if (answer.state === "forbidden") return forbidden();
  if (answer.state === "ended") return gone();
  if (answer.state === "missing") return notFound();
  const { file } = answer;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      // The live playlist changes every second. A segment never changes, but it must not outlive
      // its run in shared caches: only the viewer's browser keeps it, briefly.
      "cache-control": file.playlist ? "no-store" : "private, max-age=60",
    },
  });
}
