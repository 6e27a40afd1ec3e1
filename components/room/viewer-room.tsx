"use client";

import { LiveKitRoom, RoomAudioRenderer, StartAudio } from "@livekit/components-react";
import { useCallback, useState } from "react";
import { HostStage } from "@/components/room/host-stage";
import { MemberList } from "@/components/room/member-list";
import { RoomNotices } from "@/components/room/room-notices";
import { useRoomActivity } from "@/components/room/use-room-activity";
import { useShowEnd } from "@/components/room/use-show-end";
import { useViewerJoin } from "@/components/room/viewer-join";
import { ShowEnded } from "@/components/shows/show-ended";
import { Spinner } from "@/components/ui/spinner";

export type ViewerRoomProps = {
  roomNumber: number;
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
  const [ended, setEnded] = useState(false);
  const onEnded = useCallback(() => setEnded(true), []);
  // Connecting since the click in the room list, or since now (see viewer-join.ts).
  const { room, refusal } = useViewerJoin(props.roomNumber);
  if (ended) return <ShowEnded title={props.title} />;
  if (refusal) {
    return (
      <p role="alert" className="rounded-lg border border-amber-700 bg-amber-950 p-4 text-amber-200">
        {refusal}
      </p>
    );
  }
  if (!room) return <Spinner label="Joining the show…" />;
  // The room connects itself (viewer-join.ts): LiveKitRoom, given no token, only provides it.
  return (
    <LiveKitRoom room={room} serverUrl={undefined} token={undefined} connect audio={false} video={false} data-testid="viewer-room">
      <RoomBody props={props} onEnded={onEnded} />
    </LiveKitRoom>
  );
}
