import { AppError, errorResponse } from "@/lib/errors";
import { listLiveShows } from "@/lib/shows/list-live-shows";
import { listPagePathSchema } from "@/lib/shows/schema";

// The live room list as JSON (public), polled by the home page; `/api/shows` and
// `/api/shows?page=N` are rewritten here (next.config.js). Like the page, it is the same for
// everyone: made at most once a second and served from Next's cache in between.
export const revalidate = 1;

export function generateStaticParams(): { page: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ page: string }> }) {
  try {
    const page = listPagePathSchema.safeParse((await params).page);
    if (!page.success) throw new AppError("NOT_FOUND", "No such page of the room list.");
    return Response.json(await listLiveShows(page.data));
  } catch (error) {
    return errorResponse(error);
  }
}
