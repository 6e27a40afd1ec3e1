"use client";

import { LiveKitRoom, RoomAudioRenderer, StartAudio } from "@livekit/components-react";
import { useCallback, useState } from "react";
import { HostStage } from "@/components/room/host-stage";
import { MemberList } from "@/components/room/member-list";
import { RoomNotices } from "@/components/room/room-notices";
import { useRoomActivity } from "@/components/room/use-room-activity";
import { useShowEnd } from "@/components/room/use-show-end";
import { ShowEnded } from "@/components/shows/show-ended";
import { GuestTiles } from "@/components/stage/guest-tiles";
import { ViewerStage } from "@/components/stage/viewer-stage";

export type ViewerRoomProps = {
  connection: { serverUrl: string; token: string; roomNumber: number };
  title: string;
  hostIdentity: string;
  initialViewers: number;
  initialHostAway: boolean;
};

function RoomBody({ props, onEnded }: { props: ViewerRoomProps; onEnded: () => void }) {
  useShowEnd(onEnded);
  const { notices, viewers, hostAway } = useRoomActivity(props);
  return (
    <div className="grid gap-6 md:grid-cols-[3fr_1fr]">
      <div className="space-y-2">
        <HostStage hostIdentity={props.hostIdentity} hostAway={hostAway} />
        <GuestTiles />
        <RoomAudioRenderer />
        <StartAudio label="Click to turn on sound" className="rounded bg-zinc-800 px-3 py-1 text-sm" />
      </div>
      <aside className="space-y-4">
        <ViewerStage roomNumber={props.connection.roomNumber} />
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
  const [ended, setEnded] = useState(false);
  const onEnded = useCallback(() => setEnded(true), []);
  if (ended) return <ShowEnded title={props.title} />;
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
      <RoomBody props={props} onEnded={onEnded} />
    </LiveKitRoom>
  );
}
