import { readHlsFile } from "@/lib/egress/hls";
import { roomNumberSchema } from "@/lib/shows/schema";

type Params = { params: Promise<{ roomNumber: string; path: string[] }> };

const notFound = () => Response.json({ error: { code: "NOT_FOUND", message: "No such stream file" } }, { status: 404 });

/**
 * Serves a show's HLS output: /api/hls/<room>/<run>/<live.m3u8 | seg_00001.ts>. Exactly two path
 * parts, each checked against a strict pattern in lib/egress, so nothing else on disk is reachable.
 */
export async function GET(_request: Request, { params }: Params) {
  const { roomNumber, path } = await params;
  const room = roomNumberSchema.safeParse(roomNumber);
  const [runId, name, ...rest] = path;
  if (!room.success || !runId || !name || rest.length > 0) return notFound();
  const file = await readHlsFile(room.data, runId, name);
  if (!file) return notFound();
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      // The live playlist changes every second; a segment never changes once listed.
      "cache-control": file.playlist ? "no-store" : "public, max-age=3600, immutable",
      "access-control-allow-origin": "*",
    },
  });
}
