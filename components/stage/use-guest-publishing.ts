"use client";

import { useLocalParticipant, useLocalParticipantPermissions } from "@livekit/components-react";
import { createLocalTracks, type LocalParticipant, type LocalTrack, ParticipantEvent, VideoPresets } from "livekit-client";
import { type RefObject, useEffect, useState } from "react";
import { useParticipantAttributes } from "@/components/stage/use-participant-attributes";
import { roleOf } from "@/lib/stage/attributes";

/** A guest's camera (360p: a tile, not the main picture) and microphone. */
export function openCameraAndMic(): Promise<LocalTrack[]> {
  return createLocalTracks({ audio: true, video: { resolution: VideoPresets.h360.resolution } });
}

async function stopPublishing(participant: LocalParticipant): Promise<void> {
  const tracks = [...participant.trackPublications.values()].flatMap((p) => (p.track ? [p.track] : []));
  await Promise.all(tracks.map((t) => participant.unpublishTrack(t, true)));
}

/** Whether the server has made this connection a guest: role attribute and publishing rights, both its doing. */
function isGuestConnection(participant: LocalParticipant): boolean {
  return roleOf(participant.attributes) === "guest" && Boolean(participant.permissions?.canPublish);
}

/**
 * Publishes camera + microphone while the server has made this connection a guest, and stops
 * them when it no longer is. It follows LiveKit's own events (the participant update that
 * carries the new rights), so publishing starts in that message's handler rather than after
 * React has re-rendered the page. `preparedRef` holds tracks opened at the Accept click, so the
 * camera warms up while the server seats the guest.
 */
export function useGuestPublishing(preparedRef: RefObject<Promise<LocalTrack[]> | null>) {
  const { localParticipant } = useLocalParticipant();
  const attributes = useParticipantAttributes(localParticipant);
  const permissions = useLocalParticipantPermissions();
  const isGuest = roleOf(attributes) === "guest" && Boolean(permissions?.canPublish);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current: { cancelled: boolean } | null = null;
    const follow = (): void => {
      const guest = isGuestConnection(localParticipant);
      if (guest && !current) {
        const run = { cancelled: false };
        current = run;
        const opening = preparedRef.current ?? openCameraAndMic();
        preparedRef.current = null;
        opening
          .then(async (tracks) => {
            if (run.cancelled) {
              for (const t of tracks) t.stop();
              return;
            }
            setError(null);
            // One video layer: a small tile, and two cores shared by everyone in the tests.
            await Promise.all(tracks.map((t) => localParticipant.publishTrack(t, { simulcast: false })));
          })
          .catch((e: unknown) => setError(`Camera or microphone unavailable: ${e instanceof Error ? e.message : String(e)}`));
      } else if (!guest && current) {
        current.cancelled = true;
        current = null;
        void stopPublishing(localParticipant);
      }
    };
    // The server sets the attributes and the rights in one update; LiveKit announces them one after the other.
    localParticipant.on(ParticipantEvent.ParticipantPermissionsChanged, follow);
    localParticipant.on(ParticipantEvent.AttributesChanged, follow);
    follow();
    return () => {
      localParticipant.off(ParticipantEvent.ParticipantPermissionsChanged, follow);
      localParticipant.off(ParticipantEvent.AttributesChanged, follow);
      if (current) {
        current.cancelled = true;
        void stopPublishing(localParticipant);
      }
    };
  }, [localParticipant, preparedRef]);

  return { isGuest, error };
}
