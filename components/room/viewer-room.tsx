"use client";

import { LiveKitRoom, RoomAudioRenderer, StartAudio } from "@livekit/components-react";
import { useCallback, useEffect, useState } from "react";
import { HostStage } from "@/components/room/host-stage";
import { MemberList } from "@/components/room/member-list";
import { RoomNotices } from "@/components/room/room-notices";
import { useRoomActivity } from "@/components/room/use-room-activity";
import { useShowEnd } from "@/components/room/use-show-end";
import { ShowEnded } from "@/components/shows/show-ended";
import { FormError } from "@/components/ui/form-error";
import type { ErrorBody } from "@/lib/errors";

type Connection = { serverUrl: string; token: string };
type State = { kind: "connecting" } | { kind: "ready"; connection: Connection } | { kind: "ended" } | { kind: "error"; message: string };

export type ViewerRoomProps = {
  roomNumber: number;
  title: string;
  hostIdentity: string;
  initialViewers: number;
  initialHostAway: boolean;
};

async function fetchConnection(roomNumber: number): Promise<State> {
  const response = await fetch(`/api/shows/${roomNumber}/token`, { method: "POST" });
  if (response.ok) return { kind: "ready", connection: (await response.json()) as Connection };
  const { error } = (await response.json().catch(() => ({ error: null }))) as { error: ErrorBody | null };
  if (error?.code === "SHOW_ENDED") return { kind: "ended" };
  return { kind: "error", message: error?.message ?? "Could not join the show." };
}

function RoomBody({ props, onEnded }: { props: ViewerRoomProps; onEnded: () => void }) {
  useShowEnd(onEnded);
  const { notices, viewers, hostAway } = useRoomActivity(props);
  return (
    <div className="grid gap-6 md:grid-cols-[3fr_1fr]">
      <div className="space-y-2">
        <HostStage hostIdentity={props.hostIdentity} hostAway={hostAway} />
        <RoomAudioRenderer />
        <StartAudio label="Click to turn on sound" className="rounded bg-zinc-800 px-3 py-1 text-sm" />
      </div>
      <aside className="space-y-4">
        <p className="text-sm text-zinc-300">
          <span data-testid="viewer-count">{viewers}</span> watching
        </p>
        <MemberList />
        <RoomNotices notices={notices} />
      </aside>
    </div>
  );
}

export function ViewerRoom(props: ViewerRoomProps) {
  const { roomNumber, title } = props;
  const [state, setState] = useState<State>({ kind: "connecting" });
  const onEnded = useCallback(() => setState({ kind: "ended" }), []);

  useEffect(() => {
    let cancelled = false;
    fetchConnection(roomNumber).then(
      (next) => !cancelled && setState(next),
      () => !cancelled && setState({ kind: "error", message: "Could not reach the server." }),
    );
    return () => {
      cancelled = true;
    };
  }, [roomNumber]);

  switch (state.kind) {
    case "ended":
      return <ShowEnded title={title} />;
    case "error":
      return <FormError message={state.message} />;
    case "connecting":
      return <p className="text-zinc-400">Connecting…</p>;
    case "ready":
      return (
        <LiveKitRoom
          serverUrl={state.connection.serverUrl}
          token={state.connection.token}
          connect
          audio={false}
          video={false}
          options={{ adaptiveStream: true, dynacast: true }}
          data-testid="viewer-room"
        >
          <RoomBody props={props} onEnded={onEnded} />
        </LiveKitRoom>
      );
  }
}
