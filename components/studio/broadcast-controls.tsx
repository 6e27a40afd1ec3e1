"use client";

import { useLocalParticipant } from "@livekit/components-react";
import { useCallback, useEffect, useState } from "react";
import { broadcastStatusAction, startBroadcastAction, stopBroadcastAction } from "@/app/(studio)/studio/actions";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Broadcast } from "@/lib/egress/broadcasts";

type Kind = Broadcast["kind"];
const POLL_MS = 2_000;
const RUNNING: readonly Broadcast["status"][] = ["STARTING", "ACTIVE", "ENDING"];

const TITLES: Record<Kind, string> = { HLS: "HLS stream", RTMP: "RTMP push", MP4: "Recording (MP4)" };

function OutputRow({ kind, latest, busy, onStart, onStop, children }: {
  kind: Kind;
  latest: Broadcast | undefined;
  busy: boolean;
  onStart: () => void;
  onStop: (id: string) => void;
  children?: React.ReactNode;
}) {
  const running = latest && RUNNING.includes(latest.status);
  return (
    <li data-testid={`broadcast-${kind}`} data-status={latest?.status ?? "NONE"} className="space-y-1 rounded border border-zinc-800 p-2">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{TITLES[kind]}</span>
        <span data-testid="broadcast-status" className="text-xs text-zinc-400">
          {latest ? latest.status.toLowerCase() : "off"}
        </span>
      </div>
      {latest?.status === "FAILED" && latest.error ? <p className="text-xs text-red-400">{latest.error}</p> : null}
      {children}
      {running ? (
        <Button variant="secondary" className="w-full" disabled={busy || latest.status === "ENDING"} onClick={() => onStop(latest.id)}>
          Stop {TITLES[kind]}
        </Button>
      ) : (
        <Button variant="secondary" className="w-full" disabled={busy} onClick={onStart}>
          Start {TITLES[kind]}
        </Button>
      )}
    </li>
  );
}

/** The host's HLS / RTMP / MP4 switches, with each output's status (polled from the server). */
export function BroadcastControls({ roomNumber }: { roomNumber: number }) {
  const [broadcasts, setBroadcasts] = useState<Broadcast[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pushUrl, setPushUrl] = useState("");
  // A recording started before the camera is published waits for media that LiveKit has not
  // seen yet; Egress v1.8.6 then took up to ~50 s to start. Offer the switches once it is on air.
  const { isCameraEnabled, isMicrophoneEnabled } = useLocalParticipant();
  const onAir = isCameraEnabled || isMicrophoneEnabled;

  const apply = useCallback((result: ActionResult<Broadcast[]>) => {
    if (result.ok) setBroadcasts(result.data);
    else setError(result.error.message);
  }, []);

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const result = await broadcastStatusAction({ roomNumber });
      if (live && result.ok) setBroadcasts(result.data);
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [roomNumber]);

  async function run(work: () => Promise<ActionResult<Broadcast[]>>) {
    setBusy(true);
    setError(null);
    apply(await work());
    setBusy(false);
  }

  const latest = (kind: Kind) => broadcasts.find((b) => b.kind === kind);
  const start = (kind: Kind) => () =>
    run(() => startBroadcastAction(kind === "RTMP" ? { roomNumber, kind, url: pushUrl } : { roomNumber, kind }));
  const stop = (egressId: string) => run(() => stopBroadcastAction({ roomNumber, egressId }));
  const files = broadcasts.filter((b) => b.kind === "MP4").flatMap((b) => b.outputs.files ?? []);
  const hls = latest("HLS");

  return (
    <section data-testid="broadcast-controls" className="space-y-2">
      <h2 className="text-sm font-semibold text-zinc-300">Stream and record</h2>
      <FormError message={error} />
      <ul className="space-y-2">
        <OutputRow kind="HLS" latest={hls} busy={busy || !onAir} onStart={start("HLS")} onStop={stop}>
          {hls && RUNNING.includes(hls.status) ? (
            <a href={`/shows/${roomNumber}/hls`} target="_blank" rel="noreferrer" className="text-xs text-brand hover:underline">
              Open the HLS watch page
            </a>
          ) : null}
        </OutputRow>
        <OutputRow kind="RTMP" latest={latest("RTMP")} busy={busy || !onAir} onStart={start("RTMP")} onStop={stop}>
          <input
            aria-label="RTMP push URL"
            placeholder="rtmp://live.example.com/app/stream-key"
            value={pushUrl}
            onChange={(e) => setPushUrl(e.target.value)}
            className="w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-xs text-zinc-100 outline-none focus:border-brand"
          />
        </OutputRow>
        <OutputRow kind="MP4" latest={latest("MP4")} busy={busy || !onAir} onStart={start("MP4")} onStop={stop}>
          {files.length > 0 ? (
            <ul data-testid="recording-files" className="text-xs text-zinc-400">
              {files.map((f) => (
                <li key={f.name}>
                  {f.name} · {f.durationSeconds.toFixed(1)} s
                </li>
              ))}
            </ul>
          ) : null}
        </OutputRow>
      </ul>
    </section>
  );
}
