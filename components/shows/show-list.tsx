import { ShowCard } from "@/components/shows/show-card";
import type { ShowCardData } from "@/lib/shows/list-live-shows";

export function ShowList({ shows, onOpen }: { shows: ShowCardData[]; onOpen?: (roomNumber: number) => void }) {
  if (shows.length === 0) {
    return (
      <p data-testid="no-live-shows" className="text-zinc-400">
        Nobody is live right now. Why not be the first?
      </p>
    );
  }
  return (
    <ul data-testid="show-list" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {shows.map((show) => (
        <li key={show.roomNumber}>
          <ShowCard show={show} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
