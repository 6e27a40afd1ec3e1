"use client";

import EgressHelper from "@livekit/egress-sdk";
import { LiveKitRoom, RoomAudioRenderer, VideoTrack, isTrackReference, useRoomContext, useTracks } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useCallback, useEffect, useRef, useState } from "react";
import { GuestTiles } from "@/components/stage/guest-tiles";

/** Start anyway after this long, e.g. for a host without a camera (Egress waits for the signal). */
const START_WITHOUT_VIDEO_MS = 5_000;

function Stage() {
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
      {host ? (
        <VideoTrack trackRef={host} onPlaying={start} className="h-full w-full object-contain" />
      ) : (
        <p className="flex h-full items-center justify-center text-zinc-500">Waiting for the host’s camera…</p>
      )}
      {/* a joint broadcast: the guests in a row over the bottom right of the picture */}
      <div className="absolute bottom-4 right-4 w-1/2">
        <GuestTiles />
      </div>
      <RoomAudioRenderer />
    </>
  );
}

/** The RoomComposite page: the host's camera full frame, guests on stage over it, the room's audio. */
export function CompositeLayout({ serverUrl, token }: { serverUrl: string; token: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    // Covers the site header: Egress records the whole window.
    <div className="fixed inset-0 z-50 bg-black">
      {/* Egress fails the job with the text of a div.error */}
      {error ? <div className="error p-8 text-white">{error}</div> : null}
      <LiveKitRoom serverUrl={serverUrl} token={token} connect audio={false} video={false} onError={(e) => setError(e.message)}>
        <Stage />
      </LiveKitRoom>
    </div>
  );
}
