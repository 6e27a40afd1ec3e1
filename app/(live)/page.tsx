import { ShowList } from "@/components/shows/show-list";
import { listLiveShows } from "@/lib/shows/list-live-shows";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const list = await listLiveShows(1);
  return (
    <section>
      <h1 className="mb-4 text-2xl font-semibold">Live now</h1>
      <ShowList shows={list.shows} />
    </section>
  );
}
