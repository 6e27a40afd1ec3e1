"use client";

import {
  LiveKitRoom,
  RoomAudioRenderer,
  VideoTrack,
  isTrackReference,
  useConnectionState,
  useLocalParticipant,
  useTracks,
} from "@livekit/components-react";
import { ConnectionState, Track } from "livekit-client";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { endShowAction } from "@/components/studio/actions";
import { GiftOverlay } from "@/components/gifts/gift-overlay";
import { HostGiftSummary } from "@/components/gifts/host-gift-summary";
import { ChatPanel } from "@/components/chat/chat-panel";
import { RoomChatProvider } from "@/components/chat/room-chat";
import { StageOverlay } from "@/components/chat/stage-overlay";
import { LikeCount } from "@/components/likes/like-count";
import { MemberList } from "@/components/room/member-list";
import { RoomNotices } from "@/components/room/room-notices";
import { useShowEnd } from "@/components/room/use-show-end";
import { useRoomActivity } from "@/components/room/use-room-activity";
import { HostScreeningNotice } from "@/components/screening/host-screening-notice";
import { GuestTiles } from "@/components/stage/guest-tiles";
import { HostStageProvider } from "@/components/stage/host-stage-context";
import { HostStagePanel } from "@/components/stage/host-stage-panel";
import { InviteButton } from "@/components/stage/invite-button";
import { BroadcastControls } from "@/components/studio/broadcast-controls";
import type { DeviceChoice } from "@/components/studio/camera-preview";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

export type HostSession = {
  connection: { serverUrl: string; token: string; roomNumber: number };
  title: string;
  devices: DeviceChoice;
};

function SelfView() {
  const tracks = useTracks([Track.Source.Camera]);
  const mine = tracks.find((t) => t.participant.isLocal && isTrackReference(t));
  return (
    <div className="relative aspect-video overflow-hidden rounded-lg bg-black">
      {mine && isTrackReference(mine) ? (
        <VideoTrack trackRef={mine} data-testid="self-view" className="h-full w-full -scale-x-100 object-contain" />
      ) : (
        <p className="absolute inset-0 flex items-center justify-center text-zinc-400">Starting camera…</p>
      )}
    </div>
  );
}

function LiveBadge() {
  const state = useConnectionState();
  const live = state === ConnectionState.Connected;
  return (
    <span
      data-testid="live-status"
      data-state={state}
      className={`rounded px-2 py-0.5 text-xs font-semibold ${live ? "bg-brand text-white" : "bg-zinc-700 text-zinc-200"}`}
    >
      {live ? "LIVE" : state === ConnectionState.Reconnecting ? "RECONNECTING" : "CONNECTING"}
    </span>
  );
}

function ConsoleBody({ session }: { session: HostSession }) {
  const router = useRouter();
  const { roomNumber } = session.connection;
  const [ending, setEnding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { localParticipant } = useLocalParticipant();
  const { notices, viewers } = useRoomActivity({ hostIdentity: localParticipant.identity, initialViewers: 0, initialHostAway: false });
  const toEndPage = useCallback(() => router.push(`/studio/ended/${roomNumber}`), [router, roomNumber]);
  useShowEnd(toEndPage);

  async function endShow() {
    setEnding(true);
    const result = await endShowAction({ roomNumber });
    if (!result.ok) {
      setEnding(false);
      setError(result.error.message);
      return;
    }
    toEndPage();
  }

  return (
    <HostStageProvider roomNumber={roomNumber}>
      <div className="grid gap-6 md:grid-cols-[2fr_1fr]">
        <div className="space-y-2 self-start">
          <div className="relative">
            <SelfView />
            {/* The VJ sees the hearts; the chat is the list beside, so no comments over the picture. */}
            <StageOverlay danmaku={false} />
            <GiftOverlay />
          </div>
          <GuestTiles />
          {/* the guests' voices */}
          <RoomAudioRenderer />
        </div>
        <div className="min-w-0 space-y-4">
          <div className="flex items-center gap-2">
            <LiveBadge />
            <span className="text-sm text-zinc-400">Room {roomNumber}</span>
          </div>
          <h1 className="text-xl font-semibold">{session.title}</h1>
          <p className="flex items-center gap-4 text-sm text-zinc-300">
            <span>
              <span data-testid="viewer-count">{viewers}</span> watching
            </span>
            <LikeCount />
          </p>
          <HostScreeningNotice roomNumber={roomNumber} />
          <FormError message={error} />
          <Button variant="danger" onClick={endShow} disabled={ending} className="w-full">
            {ending ? "Ending…" : "End show"}
          </Button>
          <ChatPanel className="h-96" />
          <HostStagePanel />
          <HostGiftSummary roomNumber={roomNumber} />
          <BroadcastControls roomNumber={roomNumber} />
          <MemberList actions={(m) => <InviteButton member={m} hostIdentity={localParticipant.identity} />} />
          <RoomNotices notices={notices} />
        </div>
      </div>
    </HostStageProvider>
  );
}

/** The VJ's live view: publishes camera + mic to the show's room. */
export function HostConsole({ session }: { session: HostSession }) {
  const { videoDeviceId, audioDeviceId } = session.devices;
  return (
    <LiveKitRoom
      serverUrl={session.connection.serverUrl}
      token={session.connection.token}
      connect
      video={videoDeviceId ? { deviceId: videoDeviceId } : true}
      audio={audioDeviceId ? { deviceId: audioDeviceId } : true}
      // One video layer: Egress records the top layer, and on a busy machine Chromium stops
      // sending it (CPU adaptation), so a recording then waited ~47 s to start.
      options={{ dynacast: true, publishDefaults: { simulcast: false } }}
    >
      <RoomChatProvider roomNumber={session.connection.roomNumber} userId={null} initial={null}>
        <ConsoleBody session={session} />
      </RoomChatProvider>
    </LiveKitRoom>
  );
}
