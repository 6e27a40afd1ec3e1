"use client";

import { LiveKitRoom, RoomAudioRenderer, StartAudio } from "@livekit/components-react";
import { type ReactNode, useCallback, useState } from "react";
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
  /** Parts of other features, rendered inside the room (they may listen to its events). */
  slots?: {
    /** over the video (e.g. gift animations) */
    stage?: ReactNode;
    /** under the video (e.g. the gift shelf) */
    belowStage?: ReactNode;
    /** in the side column (e.g. the gift leaderboard) */
    aside?: ReactNode;
  };
};

function RoomBody({ props, onEnded }: { props: ViewerRoomProps; onEnded: () => void }) {
  useShowEnd(onEnded);
  const { notices, viewers, hostAway } = useRoomActivity(props);
  return (
    <div className="grid gap-6 md:grid-cols-[3fr_1fr]">
      <div className="min-w-0 space-y-2">
        <div className="relative">
          <HostStage hostIdentity={props.hostIdentity} hostAway={hostAway} />
          {props.slots?.stage}
        </div>
        <GuestTiles />
        <RoomAudioRenderer />
        <StartAudio label="Click to turn on sound" className="rounded bg-zinc-800 px-3 py-1 text-sm" />
        {props.slots?.belowStage}
      </div>
      <aside className="space-y-4">
        <ViewerStage roomNumber={props.connection.roomNumber} />
        <p className="text-sm text-zinc-300">
          <span data-testid="viewer-count">{viewers}</span> watching
        </p>
        {props.slots?.aside}
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
