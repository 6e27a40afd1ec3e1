"use client";

import { LiveKitRoom, RoomAudioRenderer, StartAudio } from "@livekit/components-react";
import { useCallback, useState } from "react";
import { HostStage } from "@/components/room/host-stage";
import { MemberList } from "@/components/room/member-list";
import { RoomNotices } from "@/components/room/room-notices";
import { useRoomActivity } from "@/components/room/use-room-activity";
import { useShowEnd } from "@/components/room/use-show-end";
import { RemovedFromShow, ShowEnded } from "@/components/shows/show-ended";

export type ViewerRoomProps = {
  connection: { serverUrl: string; token: string };
  title: string;
  hostIdentity: string;
  initialViewers: number;
  initialHostAway: boolean;
};

function RoomBody({ props, onEnded, onRemoved }: { props: ViewerRoomProps; onEnded: (reason: string | null) => void; onRemoved: () => void }) {
  useShowEnd(onEnded, onRemoved);
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

type Closed = { kind: "ended"; reason: string | null } | { kind: "removed" };

export function ViewerRoom(props: ViewerRoomProps) {
  const [closed, setClosed] = useState<Closed | null>(null);
  // The first word wins: "ended by an operator" arrives just before the room closes.
  const onEnded = useCallback((reason: string | null) => setClosed((c) => c ?? { kind: "ended", reason }), []);
  const onRemoved = useCallback(() => setClosed((c) => c ?? { kind: "removed" }), []);
  if (closed?.kind === "removed") return <RemovedFromShow />;
  if (closed) return <ShowEnded title={props.title} reason={closed.reason} />;
  return (
    <LiveKitRoom
      serverUrl={props.connection.serverUrl}
      token={props.connection.token}
      connect
      audio={false}
      video={false}
      options={{ adaptiveStream: true, dynacast: true }}
      data-testid="viewer-room"
    >
      <RoomBody props={props} onEnded={onEnded} onRemoved={onRemoved} />
    </LiveKitRoom>
  );
}
