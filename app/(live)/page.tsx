import { LiveShowList } from "@/components/shows/live-show-list";
import { listLiveShows } from "@/lib/shows/list-live-shows";
import { pageSchema } from "@/lib/shows/schema";

export const dynamic = "force-dynamic";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const raw = (await searchParams).page;
  const page = pageSchema.parse(Array.isArray(raw) ? raw[0] : raw);
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Live now</h1>
      <LiveShowList initial={await listLiveShows(page)} />
    </section>
  );
}
