import { errorResponse } from "@/lib/errors";
import { listLiveShows } from "@/lib/shows/list-live-shows";
import { pageSchema } from "@/lib/shows/schema";

export const dynamic = "force-dynamic";

/** The live room list (public), polled by the home page. */
export async function GET(request: Request) {
  try {
    const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
    return Response.json(await listLiveShows(page), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
