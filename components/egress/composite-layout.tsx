"use client";

import EgressHelper from "@livekit/egress-sdk";
import { LiveKitRoom, RoomAudioRenderer, VideoTrack, isTrackReference, useRoomContext, useTracks } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { CompositeOverlay } from "@/components/egress/composite-overlay";
import { ScreeningPlaceholder } from "@/components/screening/screening-placeholder";
import { GuestTiles } from "@/components/stage/guest-tiles";
import type { ChatMessageView } from "@/lib/chat/events";

/** Start anyway after this long, e.g. for a host without a camera (Egress waits for the signal). */
const START_WITHOUT_VIDEO_MS = 5_000;

type Overlay = { messages: ChatMessageView[] } | null;

function Stage({ overlay, initialBlurred }: { overlay: Overlay; initialBlurred: boolean }) {
  const room = useRoomContext();
  const started = useRef(false);
  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    EgressHelper.startRecording();
  }, []);

  useEffect(() => {
    EgressHelper.setRoom(room); // ends the recording when the room goes away
    const timer = setTimeout(start, START_WITHOUT_VIDEO_MS);
    return () => clearTimeout(timer);
  }, [room, start]);

  const cameras = useTracks([Track.Source.Camera], { onlySubscribed: true }).filter(isTrackReference);
  const host = cameras.find((t) => t.participant.attributes.role === "host") ?? cameras[0];

  return (
    <>
      <ScreeningPlaceholder initialBlurred={initialBlurred}>
        {host ? (
          <VideoTrack trackRef={host} onPlaying={start} className="h-full w-full object-contain" />
        ) : (
          <p className="flex h-full items-center justify-center text-zinc-500">Waiting for the host’s camera…</p>
        )}
        {/* a joint broadcast: the guests in a row over the bottom right of the picture */}
        <div className="absolute bottom-4 right-4 w-1/2">
          <GuestTiles />
        </div>
      </ScreeningPlaceholder>
      {overlay ? <CompositeOverlay messages={overlay.messages} /> : null}
      <RoomAudioRenderer />
    </>
  );
}

/**
 * The RoomComposite page: the host's camera full frame, guests on stage over it, the room's audio;
 * with `overlay`, the show's chat and gifts over the picture too; a placeholder instead of the
 * cameras while screening holds the show for review.
 */
export function CompositeLayout({ serverUrl, token, overlay, initialBlurred }: { serverUrl: string; token: string; overlay: Overlay; initialBlurred: boolean }) {
  const [error, setError] = useState<string | null>(null);
  return (
    // Covers the site header: Egress records the whole window.
    <div className="fixed inset-0 z-50 bg-black">
      {/* Egress fails the job with the text of a div.error */}
      {error ? <div className="error p-8 text-white">{error}</div> : null}
      <LiveKitRoom serverUrl={serverUrl} token={token} connect audio={false} video={false} onError={(e) => setError(e.message)}>
        <Stage overlay={overlay} initialBlurred={initialBlurred} />
      </LiveKitRoom>
    </div>
  );
}
