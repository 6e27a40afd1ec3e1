import type { Notice } from "@/components/room/use-room-activity";

export function RoomNotices({ notices }: { notices: Notice[] }) {
  return (
    <ul aria-live="polite" data-testid="room-notices" className="space-y-1 text-sm text-zinc-400">
      {notices.map((n) => (
        <li key={n.id}>{n.text}</li>
      ))}
    </ul>
  );
}
