"use client";

import { VideoTrack, useIsSpeaking, useParticipantTracks, useParticipants } from "@livekit/components-react";
import { type Participant, RoomEvent, Track } from "livekit-client";
import { roleOf, seatOf } from "@/lib/stage/attributes";

// The list changes when someone's role attribute does (the server sets it on stage changes).
const GUEST_LIST_EVENTS = [RoomEvent.ParticipantAttributesChanged];

function GuestTile({ participant }: { participant: Participant }) {
  const tracks = useParticipantTracks([Track.Source.Camera, Track.Source.Microphone], participant.identity);
  const camera = tracks.find((t) => t.source === Track.Source.Camera);
  const mic = tracks.find((t) => t.source === Track.Source.Microphone);
  const speaking = useIsSpeaking(participant);
  const micMuted = !mic || mic.publication.isMuted;
  const cameraOff = !camera?.publication.track || camera.publication.isMuted;

  return (
    <li
      data-testid="guest-tile"
      data-identity={participant.identity}
      data-speaking={speaking}
      data-mic-muted={micMuted}
      data-camera-muted={cameraOff}
      className={`relative aspect-video overflow-hidden rounded-md bg-zinc-900 ring-2 transition-shadow ${
        speaking ? "ring-emerald-400" : "ring-zinc-800"
      }`}
    >
      {camera?.publication.track ? (
        <VideoTrack
          trackRef={camera}
          data-testid="guest-video"
          className={`h-full w-full object-cover ${participant.isLocal ? "-scale-x-100" : ""}`}
        />
      ) : (
        <p className="absolute inset-0 flex items-center justify-center p-1 text-center text-xs text-zinc-400">Starting camera…</p>
      )}
      <p className="absolute inset-x-0 bottom-0 flex items-center gap-1 truncate bg-black/60 px-1.5 py-0.5 text-xs">
        <span className="truncate">{participant.name}</span>
        {micMuted ? (
          <span data-testid="guest-mic-muted" title="Microphone muted" className="shrink-0 text-red-400">
            mic off
          </span>
        ) : null}
      </p>
    </li>
  );
}

/** The guests on stage as tiles under the host's picture (up to 3; three across, phones included). */
export function GuestTiles() {
  const guests = useParticipants({ updateOnlyOn: GUEST_LIST_EVENTS })
    .filter((p) => roleOf(p.attributes) === "guest")
    .sort((a, b) => seatOf(a.attributes) - seatOf(b.attributes));
  if (guests.length === 0) return null;
  return (
    <ul data-testid="guest-tiles" aria-label="Guests on stage" className="grid grid-cols-3 gap-2">
      {guests.map((g) => (
        <GuestTile key={g.identity} participant={g} />
      ))}
    </ul>
  );
}
