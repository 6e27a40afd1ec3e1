"use client";

import { LiveKitRoom, RoomAudioRenderer, StartAudio } from "@livekit/components-react";
import { type ReactNode, useCallback, useState } from "react";
import { ChatPanel } from "@/components/chat/chat-panel";
import { DanmakuToggle } from "@/components/chat/danmaku-toggle";
import { RoomChatProvider } from "@/components/chat/room-chat";
import { StageOverlay } from "@/components/chat/stage-overlay";
import { LikeCount } from "@/components/likes/like-count";
import { HostStage } from "@/components/room/host-stage";
import { MemberList } from "@/components/room/member-list";
import { RoomNotices } from "@/components/room/room-notices";
import { useRoomActivity } from "@/components/room/use-room-activity";
import { useShowEnd } from "@/components/room/use-show-end";
import { useViewerJoin } from "@/components/room/viewer-join";
import { ScreeningShield } from "@/components/screening/screening-shield";
import { RemovedFromShow, ShowEnded } from "@/components/shows/show-ended";
import { GuestTiles } from "@/components/stage/guest-tiles";
import { ViewerStage } from "@/components/stage/viewer-stage";
import { Spinner } from "@/components/ui/spinner";
import type { ChatRoomState } from "@/lib/chat/room-state";

export type ViewerRoomProps = {
  roomNumber: number;
  title: string;
  hostIdentity: string;
  initialViewers: number;
  initialHostAway: boolean;
  /** automatic screening holds the show for review (lib/screening) */
  initialBlurred: boolean;
  /** Parts of other features, rendered inside the room (they may listen to its events). */
  slots?: {
    /** over the video (e.g. gift animations) */
    stage?: ReactNode;
    /** under the video (e.g. the gift shelf) */
    belowStage?: ReactNode;
    /** in the side column (e.g. the gift leaderboard) */
    aside?: ReactNode;
  };
  /** chat history and this viewer's standing, rendered with the page */
  chat: ChatRoomState;
};

function RoomBody({ props, onEnded, onRemoved }: { props: ViewerRoomProps; onEnded: (reason: string | null) => void; onRemoved: () => void }) {
  useShowEnd(onEnded, onRemoved);
  const { notices, viewers, hostAway } = useRoomActivity(props);
  return (
    <div className="grid gap-4 md:grid-cols-[3fr_1fr] md:gap-6">
      <div className="min-w-0 space-y-2">
        {/* The host's picture and the guests' are screened alike: a blur hides them all. */}
        <ScreeningShield roomNumber={props.roomNumber} initialBlurred={props.initialBlurred}>
          <div className="relative">
            <HostStage hostIdentity={props.hostIdentity} hostAway={hostAway} />
            <StageOverlay />
            {props.slots?.stage}
          </div>
          <GuestTiles />
        </ScreeningShield>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
          <LikeCount />
          <DanmakuToggle />
          <StartAudio label="Click to turn on sound" className="rounded bg-zinc-800 px-3 py-1 text-sm" />
        </div>
        <RoomAudioRenderer />
        {props.slots?.belowStage}
      </div>
      <aside className="min-w-0 space-y-4">
        <ViewerStage roomNumber={props.roomNumber} />
        <p className="text-sm text-zinc-300">
          <span data-testid="viewer-count">{viewers}</span> watching
        </p>
        {props.slots?.aside}
        <ChatPanel className="h-[min(24rem,50vh)] md:h-[28rem]" />
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
  // Connecting since the click in the room list, or since now (see viewer-join.ts).
  const { room, refusal } = useViewerJoin(props.roomNumber);
  if (closed?.kind === "removed") return <RemovedFromShow />;
  if (closed) return <ShowEnded title={props.title} reason={closed.reason} />;
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
      <RoomChatProvider roomNumber={props.chat.roomNumber} userId={props.chat.userId} initial={props.chat}>
        <RoomBody props={props} onEnded={onEnded} onRemoved={onRemoved} />
      </RoomChatProvider>
    </LiveKitRoom>
  );
}
