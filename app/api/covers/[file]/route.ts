import { readCover } from "@/lib/shows/cover";

/** Serves a stored cover. Names are random and content never changes, so cache for good. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const bytes = await readCover((await params).file);
  if (!bytes) return Response.json({ error: { code: "NOT_FOUND", message: "No such cover" } }, { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "image/webp", "cache-control": "public, max-age=31536000, immutable" },
  });
}
