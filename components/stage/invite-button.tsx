"use client";

import type { Participant } from "livekit-client";
import { useHostStage } from "@/components/stage/host-stage-context";
import { useParticipantAttributes } from "@/components/stage/use-participant-attributes";
import { roleOf } from "@/lib/stage/attributes";

/** "Invite on stage" next to a viewer in the studio's member list (the server checks everything again). */
export function InviteButton({ member, hostIdentity }: { member: Participant; hostIdentity: string }) {
  const { stage, busy, run } = useHostStage();
  const attributes = useParticipantAttributes(member);
  // The host's own connections (the studio, a watching tab) are never invited.
  if (roleOf(attributes) !== "viewer" || member.identity.split("~")[0] === hostIdentity) return null;
  const pending = stage?.invites.some((i) => i.identity === member.identity && i.status === "PENDING");
  return (
    <button
      type="button"
      data-testid="invite-on-stage"
      disabled={busy || pending}
      onClick={() => void run({ op: "invite", identity: member.identity })}
      className="ml-auto shrink-0 rounded bg-zinc-800 px-2 py-0.5 text-xs text-zinc-100 hover:bg-zinc-700 disabled:text-zinc-500"
    >
      {pending ? "Invited…" : "Invite on stage"}
    </button>
  );
}
