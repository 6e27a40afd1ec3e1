"use client";

import { LiveKitRoom, VideoTrack, isTrackReference, useTracks } from "@livekit/components-react";
import { RemoteTrackPublication, Track } from "livekit-client";
import { useEffect, useState } from "react";
import type { ConnectionDetails } from "@/lib/shows/host-connection";

/** Subscribes to the host's camera only: no audio, no other tracks (the tile is muted and cheap). */
function HostCamera({ hostIdentity }: { hostIdentity: string }) {
  const tracks = useTracks([Track.Source.Camera], { onlySubscribed: false });
  const camera = tracks.find((t) => t.participant.identity === hostIdentity && isTrackReference(t));
  const publication = camera?.publication;
  useEffect(() => {
    if (publication instanceof RemoteTrackPublication && !publication.isSubscribed) publication.setSubscribed(true);
  }, [publication]);
  if (!camera || !isTrackReference(camera) || !camera.publication.track) {
    return <p className="absolute inset-0 flex items-center justify-center text-xs text-zinc-500">Waiting for the camera…</p>;
  }
  return <VideoTrack trackRef={camera} muted data-testid="monitor-video" className="h-full w-full object-cover" />;
}

/**
 * A live thumbnail of one show: its own hidden, subscribe-only LiveKit connection (nobody in the
 * room sees the operator, nobody counts them), the host's camera only, without sound.
 */
export function MonitorThumbnail({ roomNumber, hostIdentity }: { roomNumber: number; hostIdentity: string }) {
  const [connection, setConnection] = useState<ConnectionDetails | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    (async () => {
      const response = await fetch(`/api/admin/shows/${roomNumber}/monitor`, { method: "POST" });
      const body: unknown = await response.json();
      if (!current) return;
      if (response.ok) setConnection(body as ConnectionDetails);
      else setError("No picture");
    })().catch(() => current && setError("No picture"));
    return () => {
      current = false;
    };
  }, [roomNumber]);

  return (
    <div className="relative aspect-video overflow-hidden bg-black">
      {connection ? (
        <LiveKitRoom
          serverUrl={connection.serverUrl}
          token={connection.token}
          connect
          audio={false}
          video={false}
          options={{ adaptiveStream: true }}
          connectOptions={{ autoSubscribe: false }}
          className="h-full w-full"
        >
          <HostCamera hostIdentity={hostIdentity} />
        </LiveKitRoom>
      ) : (
        <p className="absolute inset-0 flex items-center justify-center text-xs text-zinc-500">{error ?? "Connecting…"}</p>
      )}
    </div>
  );
}
