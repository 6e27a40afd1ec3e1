import { format } from "date-fns";
import Link from "next/link";
import { StandingBadges } from "@/components/admin/standing-badges";
import type { UserRow } from "@/lib/users/search-users";

export function UserTable({ users }: { users: UserRow[] }) {
  if (users.length === 0) return <p className="py-6 text-zinc-400">No user matches.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-2 pr-3 font-normal">User</th>
            <th className="py-2 pr-3 font-normal">Standing</th>
            <th className="py-2 pr-3 text-right font-normal">Shows</th>
            <th className="py-2 font-normal">Joined</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" data-user-id={u.id} className="border-t border-zinc-800">
              <td className="py-2 pr-3">
                <Link href={`/admin/users/${u.id}`} className="font-medium hover:underline">
                  {u.name}
                </Link>
                <div className="text-xs text-zinc-400">{u.email}</div>
              </td>
              <td className="py-2 pr-3">
                <StandingBadges role={u.role} banned={u.banned} muted={u.muted} />
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{u.shows}</td>
              <td className="whitespace-nowrap py-2 text-zinc-400">{format(new Date(u.createdAt), "d MMM yyyy")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
