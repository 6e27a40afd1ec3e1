"use client";

import { useParticipants } from "@livekit/components-react";
import { type Participant, RoomEvent } from "livekit-client";
import type { ReactNode } from "react";
import { Avatar } from "@/components/ui/avatar";
import { roleOf } from "@/lib/stage/attributes";

// Host first, then guests on stage, then viewers; alphabetical within each group.
const rank = { host: 0, guest: 1, viewer: 2 } as const;

function byRole(a: Participant, b: Participant) {
  return rank[roleOf(a.attributes)] - rank[roleOf(b.attributes)] || (a.name ?? "").localeCompare(b.name ?? "");
}

// Roles change with the stage (the server sets them as attributes): re-sort when they do.
const MEMBER_EVENTS = [RoomEvent.ParticipantAttributesChanged, RoomEvent.ParticipantNameChanged];

/** Who is in the room; `actions` adds controls to a member's row (the studio's "Invite on stage"). */
export function MemberList({ actions }: { actions?: (member: Participant) => ReactNode }) {
  const members = [...useParticipants({ updateOnlyOn: MEMBER_EVENTS })].sort(byRole);
  return (
    <section>
      <h2 className="mb-2 text-sm font-semibold text-zinc-300">In the room ({members.length})</h2>
      <ul data-testid="member-list" className="space-y-1">
        {members.map((m) => {
          const role = roleOf(m.attributes);
          return (
            <li key={m.identity} data-testid="member" data-identity={m.identity} data-role={role} className="flex items-center gap-2 text-sm">
              <Avatar id={m.identity} name={m.name ?? "?"} size="sm" />
              <span className="truncate">{m.name}</span>
              {role === "host" ? <span className="text-xs text-brand">host</span> : null}
              {role === "guest" ? <span className="text-xs text-emerald-400">on stage</span> : null}
              {m.isLocal ? <span className="text-xs text-zinc-500">(you)</span> : null}
              {actions?.(m)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
