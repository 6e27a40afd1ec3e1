"use client";

import { useLocalParticipant } from "@livekit/components-react";
import { useCallback, useEffect, useState } from "react";
import { addDestinationAction, outputsStatusAction, startHlsPushAction, startRecordingAction, stopBroadcastAction, stopDestinationAction } from "@/components/studio/actions";
import { CopyLink } from "@/components/studio/copy-link";
import { DestinationList } from "@/components/studio/destination-list";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { Broadcast } from "@/lib/egress/broadcasts";
import type { PushStatus } from "@/lib/push/push";
import { MAX_DESTINATIONS } from "@/lib/push/schema";

type Kind = Broadcast["kind"];
const POLL_MS = 2_000;
const RUNNING: readonly Broadcast["status"][] = ["STARTING", "ACTIVE", "ENDING"];

const TITLES: Record<Kind, string> = { HLS: "HLS stream", RTMP: "RTMP push", MP4: "Recording (MP4)" };
const PICTURES = { camera: "Camera only", overlay: "With overlay (chat and gifts)" } as const;
const PICTURE_KEYS = ["camera", "overlay"] as const;
type Picture = (typeof PICTURE_KEYS)[number];
const CHANNEL_STATE = { PUSHING: "pushing", HELD: "held (link kept)", CLOSED: "closed" } as const;

function OutputRow({ kind, latest, channelState, children }: {
  kind: Kind;
  latest: Broadcast | undefined;
  channelState?: keyof typeof CHANNEL_STATE;
  children?: React.ReactNode;
}) {
  return (
    <li data-testid={`broadcast-${kind}`} data-status={latest?.status ?? "NONE"} className="space-y-1 rounded border border-zinc-800 p-2">
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{TITLES[kind]}</span>
        <span data-testid="broadcast-status" className="text-xs text-zinc-400">
          {latest ? latest.status.toLowerCase() : "off"}
          {channelState ? <span data-testid="channel-state"> · channel {CHANNEL_STATE[channelState]}</span> : null}
        </span>
      </div>
      {latest && RUNNING.includes(latest.status) && latest.outputs.overlay !== undefined ? (
        <p data-testid="broadcast-picture" className="text-xs text-zinc-400">
          {latest.outputs.overlay ? PICTURES.overlay : PICTURES.camera}
        </p>
      ) : null}
      {latest?.status === "FAILED" && latest.error ? <p className="text-xs text-red-400">{latest.error}</p> : null}
      {children}
    </li>
  );
}

/** What the HLS stream and the RTMP push show: the stage alone, or with the chat and gifts over it (applies when one starts). */
function PictureChoice({ value, onChange }: { value: Picture; onChange: (value: Picture) => void }) {
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-300">
      <legend className="mb-1 text-zinc-400">Stream picture</legend>
      {PICTURE_KEYS.map((key) => (
        <label key={key} className="flex items-center gap-1">
          <input type="radio" name="stream-picture" value={key} checked={value === key} onChange={() => onChange(key)} />
          {PICTURES[key]}
        </label>
      ))}
    </fieldset>
  );
}

function StartStop({ kind, latest, busy, onStart, onStop }: { kind: Kind; latest: Broadcast | undefined; busy: boolean; onStart: () => void; onStop: (id: string) => void }) {
  if (latest && RUNNING.includes(latest.status)) {
    return (
      <Button variant="secondary" className="w-full" disabled={busy || latest.status === "ENDING"} onClick={() => onStop(latest.id)}>
        Stop {TITLES[kind]}
      </Button>
    );
  }
  return (
    <Button variant="secondary" className="w-full" disabled={busy} onClick={onStart}>
      Start {TITLES[kind]}
    </Button>
  );
}

/** The host's push channels (HLS with its playback link, RTMP destinations) and recording, polled from the server. */
export function BroadcastControls({ roomNumber }: { roomNumber: number }) {
  const [status, setStatus] = useState<PushStatus>({ broadcasts: [], channels: [] });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pushUrl, setPushUrl] = useState("");
  const [audioOnly, setAudioOnly] = useState(false);
  const [picture, setPicture] = useState<Picture>("camera");
  const overlay = picture === "overlay";
  // A recording started before the camera is published waits for media that LiveKit has not
  // seen yet; Egress v1.8.6 then took up to ~50 s to start. Offer the switches once it is on air.
  const { isCameraEnabled, isMicrophoneEnabled } = useLocalParticipant();
  const onAir = isCameraEnabled || isMicrophoneEnabled;

  const apply = useCallback((result: ActionResult<PushStatus>) => {
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setStatus(result.data);
    setNotice(result.data.notice?.message ?? null);
  }, []);

  useEffect(() => {
    let live = true;
    const poll = async () => {
      const result = await outputsStatusAction({ roomNumber });
      if (live && result.ok) setStatus(result.data);
    };
    void poll();
    const timer = setInterval(poll, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [roomNumber]);

  async function run(work: () => Promise<ActionResult<PushStatus>>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    apply(await work());
    setBusy(false);
  }

  const latest = (kind: Kind) => status.broadcasts.find((b) => b.kind === kind);
  const stop = (egressId: string) => run(() => stopBroadcastAction({ roomNumber, egressId }));
  const files = status.broadcasts.filter((b) => b.kind === "MP4").flatMap((b) => b.outputs.files ?? []);
  const hlsChannel = status.channels.find((c) => c.kind === "HLS");
  const rtmpChannel = status.channels.find((c) => c.kind === "RTMP");
  const destinations = rtmpChannel?.destinations ?? [];
  const liveDestinations = destinations.filter((d) => d.status === "STARTING" || d.status === "ACTIVE").length;
  const off = busy || !onAir;

  return (
    <section data-testid="broadcast-controls" className="space-y-2">
      <h2 className="text-sm font-semibold text-zinc-300">Stream and record</h2>
      <FormError message={error} />
      {notice ? (
        <p data-testid="push-notice" className="rounded border border-zinc-700 bg-zinc-900 px-3 py-2 text-sm text-zinc-200">
          {notice}
        </p>
      ) : null}
      <PictureChoice value={picture} onChange={setPicture} />
      <ul className="space-y-2">
        <OutputRow kind="HLS" latest={latest("HLS")} channelState={hlsChannel?.state}>
          {hlsChannel?.playbackPath ? <CopyLink path={hlsChannel.playbackPath} label="Copy the playback link" /> : null}
          <StartStop kind="HLS" latest={latest("HLS")} busy={off} onStart={() => run(() => startHlsPushAction({ roomNumber, overlay }))} onStop={stop} />
        </OutputRow>
        <OutputRow kind="RTMP" latest={latest("RTMP")} channelState={rtmpChannel?.state}>
          <DestinationList destinations={destinations} busy={busy} onStop={(destinationId) => run(() => stopDestinationAction({ roomNumber, destinationId }))} />
          <input
            aria-label="RTMP push URL"
            placeholder="rtmp://live.example.com/app/stream-key"
            value={pushUrl}
            onChange={(e) => setPushUrl(e.target.value)}
            className="w-full rounded border border-zinc-700 bg-zinc-900 px-2 py-1 text-xs text-zinc-100 outline-none focus:border-brand"
          />
          <Button variant="secondary" className="w-full" disabled={off} onClick={() => run(() => addDestinationAction({ roomNumber, url: pushUrl, overlay }))}>
            {liveDestinations === 0 ? "Start RTMP push" : `Add destination (${liveDestinations}/${MAX_DESTINATIONS})`}
          </Button>
        </OutputRow>
        <OutputRow kind="MP4" latest={latest("MP4")}>
          {files.length > 0 ? (
            <ul data-testid="recording-files" className="text-xs text-zinc-400">
              {files.map((f) => (
                <li key={f.name}>
                  {f.name} · {f.durationSeconds.toFixed(1)} s
                </li>
              ))}
            </ul>
          ) : null}
          <label className="flex items-center gap-2 text-xs text-zinc-300">
            <input type="checkbox" checked={audioOnly} onChange={(e) => setAudioOnly(e.target.checked)} />
            Audio only
          </label>
          <StartStop kind="MP4" latest={latest("MP4")} busy={off} onStart={() => run(() => startRecordingAction({ roomNumber, audioOnly }))} onStop={stop} />
        </OutputRow>
      </ul>
    </section>
  );
}
