import { notFound } from "next/navigation";
import { LiveShowList } from "@/components/shows/live-show-list";
import { listLiveShows } from "@/lib/shows/list-live-shows";
import { listPagePathSchema } from "@/lib/shows/schema";

// The room list (`/` and `/?page=N` are rewritten here, next.config.js) is the same for every
// visitor, so it is rendered at most once a second and served from Next's page cache in
// between (ISR; `expireTime` in next.config.js bounds how stale an answer may be). Nothing is
// rendered at build time: a page is made on its first request. The header's signed-in part is
// filled in by the browser (components/auth/account-menu.tsx).
export const revalidate = 1;

export function generateStaticParams(): { page: string }[] {
  return [];
}

export default async function LiveNowPage({ params }: { params: Promise<{ page: string }> }) {
  const page = listPagePathSchema.safeParse((await params).page);
  if (!page.success) notFound();
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Live now</h1>
      <LiveShowList initial={await listLiveShows(page.data)} />
    </section>
  );
}
