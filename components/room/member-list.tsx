"use client";

import { useParticipants } from "@livekit/components-react";
import type { Participant } from "livekit-client";
import { Avatar } from "@/components/ui/avatar";

// Host first, then guests on stage, then viewers; alphabetical within each group.
const rank: Record<string, number> = { host: 0, cohost: 1 };

function byRole(a: Participant, b: Participant) {
  const ra = rank[a.attributes.role ?? ""] ?? 2;
  const rb = rank[b.attributes.role ?? ""] ?? 2;
  return ra - rb || (a.name ?? "").localeCompare(b.name ?? "");
}

export function MemberList() {
  const members = [...useParticipants()].sort(byRole);
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold text-zinc-300">In the room ({members.length})</h2>
      <ul data-testid="member-list" className="space-y-1">
        {members.map((m) => (
          <li key={m.identity} data-testid="member" data-role={m.attributes.role ?? "viewer"} className="flex items-center gap-2 text-sm">
            <Avatar id={m.identity} name={m.name ?? "?"} size="sm" />
            <span className="truncate">{m.name}</span>
            {m.attributes.role === "host" ? <span className="text-xs text-brand">host</span> : null}
            {m.isLocal ? <span className="text-xs text-zinc-500">(you)</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
