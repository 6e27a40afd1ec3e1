"use client";

import { VideoTrack, isTrackReference, useTracks } from "@livekit/components-react";
import { Track } from "livekit-client";
import { useRef } from "react";
import { useFramesStalled } from "@/components/room/use-frames-stalled";

/** The host's camera, big; a notice over it while the host is away. */
export function HostStage({ hostIdentity, hostAway }: { hostIdentity: string; hostAway: boolean }) {
  const tracks = useTracks([Track.Source.Camera], { onlySubscribed: true });
  const hostCamera = tracks.find((t) => t.participant.identity === hostIdentity && isTrackReference(t));
  const stage = useRef<HTMLDivElement>(null);
  const stalled = useFramesStalled(stage, Boolean(hostCamera && !hostCamera.publication?.isMuted));

  return (
    <div ref={stage} className="relative aspect-video overflow-hidden rounded-lg bg-black">
      {hostCamera && isTrackReference(hostCamera) ? (
        <VideoTrack trackRef={hostCamera} data-testid="host-video" className="h-full w-full object-contain" />
      ) : (
        <p className="absolute inset-0 flex items-center justify-center text-zinc-400" data-testid="waiting-for-host">
          Waiting for the host’s camera…
        </p>
      )}
      {hostAway || stalled ? (
        <p data-testid="host-away" className="absolute inset-x-0 top-0 bg-black/70 p-3 text-center text-amber-300">
          The host is away — they’ll be right back.
        </p>
      ) : null}
    </div>
  );
}
