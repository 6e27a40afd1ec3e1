import { format } from "date-fns";
import Link from "next/link";
import { compactDuration } from "@/components/admin/duration";
import type { EndReason } from "@/lib/generated/prisma/enums";
import type { UserShowRow } from "@/lib/users/user-details";

const END_REASONS: Record<EndReason, string> = { HOST: "by the host", HOST_TIMEOUT: "host timed out", OPERATOR: "by an operator", ROOM_GONE: "room closed", SCREENING: "by screening" };

export function UserShows({ shows }: { shows: UserShowRow[] }) {
  if (shows.length === 0) return <p className="text-zinc-400">No shows yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-normal">Show</th>
            <th className="py-2 pr-3 font-normal">Started</th>
            <th className="py-2 pr-3 font-normal">Length</th>
            <th className="py-2 pr-3 text-right font-normal">Peak</th>
            <th className="py-2 pr-3 text-right font-normal">Unique</th>
            <th className="py-2 text-right font-normal">Likes</th>
          </tr>
        </thead>
        <tbody>
          {shows.map((s) => (
            <tr key={s.roomNumber} data-testid="user-show" className="border-t border-zinc-800">
              <td className="py-2 pr-3">
                <Link href={`/shows/${s.roomNumber}`} className="hover:underline">
                  {s.title}
                </Link>
                <div className="text-xs text-zinc-400">
                  room {s.roomNumber} · {s.status === "LIVE" ? <span className="text-brand">live</span> : `ended ${s.endReason ? END_REASONS[s.endReason] : ""}`}
                </div>
              </td>
              <td className="whitespace-nowrap py-2 pr-3 text-zinc-400">{format(s.startedAt, "d MMM yyyy HH:mm")}</td>
              <td className="whitespace-nowrap py-2 pr-3 text-zinc-400">
                {s.endedAt ? compactDuration(s.startedAt.toISOString(), s.endedAt.toISOString()) : "—"}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.peakViewers}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.uniqueViewers}</td>
              <td className="py-2 text-right tabular-nums">{s.likes}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
