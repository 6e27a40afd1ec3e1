"use client";

import { useHostStage } from "@/components/stage/host-stage-context";
import { FormError } from "@/components/ui/form-error";
import type { HostStage } from "@/lib/stage/schema";

const small = "rounded bg-zinc-800 px-2 py-0.5 text-xs text-zinc-100 hover:bg-zinc-700 disabled:text-zinc-500";

const INVITE_STATUS: Record<HostStage["invites"][number]["status"], string> = {
  PENDING: "waiting for an answer",
  ACCEPTED: "accepted",
  DECLINED: "declined",
  EXPIRED: "expired",
  CANCELLED: "withdrawn",
};

function GuestRow({ guest }: { guest: HostStage["guests"][number] }) {
  const { busy, run } = useHostStage();
  const mute = (source: "microphone" | "camera", muted: boolean) => run({ op: "mute", identity: guest.identity, source, muted });
  return (
    <li data-testid="stage-guest" data-identity={guest.identity} data-on-stage={guest.onStage} className="space-y-1 text-sm">
      <p className="flex items-center gap-2">
        <span className="truncate">{guest.name}</span>
        <span className="text-xs text-zinc-500">{guest.onStage ? "on stage" : "starting camera…"}</span>
      </p>
      <div className="flex flex-wrap gap-1">
        <button type="button" className={small} disabled={busy} onClick={() => mute("microphone", !guest.micMutedByHost)}>
          {guest.micMutedByHost ? "Unmute microphone" : "Mute microphone"}
        </button>
        <button type="button" className={small} disabled={busy} onClick={() => mute("camera", !guest.cameraMutedByHost)}>
          {guest.cameraMutedByHost ? "Turn camera on" : "Turn camera off"}
        </button>
        <button type="button" className={small} disabled={busy} onClick={() => run({ op: "remove", identity: guest.identity })}>
          Remove from stage
        </button>
      </div>
    </li>
  );
}

/** The studio's stage: guests with their controls, the raised-hands queue, invites and their answers. */
export function HostStagePanel() {
  const { stage, error, busy, run } = useHostStage();
  if (!stage) return null;
  const recentInvites = stage.invites.slice(0, 5);
  return (
    <section data-testid="stage-panel" className="space-y-3 rounded border border-zinc-800 p-2">
      <h2 className="text-sm font-semibold text-zinc-300">
        Stage ({stage.guests.length}/{stage.maxGuests} guests)
      </h2>
      <FormError message={error} />
      {stage.guests.length > 0 ? (
        <ul data-testid="stage-guests" className="space-y-2">
          {stage.guests.map((g) => (
            <GuestRow key={g.identity} guest={g} />
          ))}
        </ul>
      ) : (
        <p className="text-xs text-zinc-500">Invite a viewer from the member list, or take a raised hand.</p>
      )}
      {stage.hands.length > 0 ? (
        <div className="space-y-1">
          <h3 className="text-xs font-semibold uppercase text-zinc-400">Raised hands</h3>
          <ul data-testid="stage-hands" className="space-y-1">
            {stage.hands.map((h) => (
              <li key={h.id} data-testid="stage-hand" className="flex items-center gap-2 text-sm">
                <span className="truncate">{h.name}</span>
                <button type="button" className={`${small} ml-auto`} disabled={busy} onClick={() => run({ op: "accept-hand", handId: h.id })}>
                  Take on stage
                </button>
                <button type="button" className={small} disabled={busy} onClick={() => run({ op: "dismiss-hand", handId: h.id })}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {recentInvites.length > 0 ? (
        <div className="space-y-1">
          <h3 className="text-xs font-semibold uppercase text-zinc-400">Invites</h3>
          <ul data-testid="stage-invites" className="space-y-1 text-xs text-zinc-400">
            {recentInvites.map((i) => (
              <li key={i.id} data-testid="stage-invite-row" data-identity={i.identity} data-status={i.status}>
                {i.name}: {INVITE_STATUS[i.status]}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
