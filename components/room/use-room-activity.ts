"use client";

import { useRemoteParticipant } from "@livekit/components-react";
import { ConnectionQuality, ParticipantEvent, type RemoteParticipant } from "livekit-client";
import { useEffect, useState } from "react";
import { useRoomEvents } from "@/components/room/use-room-events";
import { stageNoticeText } from "@/lib/stage/notices";

export type Notice = { id: number; text: string };

const MAX_NOTICES = 5;
let nextNoticeId = 0;

/** What the room says about itself: join/leave notices, the audience size, whether the host is away. */
export function useRoomActivity({ hostIdentity, initialViewers, initialHostAway }: {
  hostIdentity: string;
  initialViewers: number;
  initialHostAway: boolean;
}) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const [viewers, setViewers] = useState(initialViewers);
  const [serverSaysAway, setServerSaysAway] = useState(initialHostAway);
  // The SFU reports the host's connection as lost within seconds; LiveKit takes ~20 s more to
  // declare them gone (and the server's "host-away" follows that). Show "away" at the first sign.
  const host = useRemoteParticipant(hostIdentity);
  const hostLost = useConnectionLost(host);

  useRoomEvents((event) => {
    const stageText = stageNoticeText(event);
    if (stageText) setNotices((list) => [...list, { id: nextNoticeId++, text: stageText }].slice(-MAX_NOTICES));
    switch (event.type) {
      case "joined":
      case "left":
        setViewers(event.viewers);
        if (event.identity !== hostIdentity) {
          const text = `${event.name} ${event.type === "joined" ? "joined" : "left"}`;
          setNotices((list) => [...list, { id: nextNoticeId++, text }].slice(-MAX_NOTICES));
        }
        return;
      case "host-away":
        setServerSaysAway(true);
        return;
      case "host-back":
        setServerSaysAway(false);
        return;
    }
  });

  return { notices, viewers, hostAway: serverSaysAway || !host || hostLost };
}

function useConnectionLost(participant: RemoteParticipant | undefined): boolean {
  const [lost, setLost] = useState(false);
  useEffect(() => {
    if (!participant) return;
    const update = (quality: ConnectionQuality) => setLost(quality === ConnectionQuality.Lost);
    participant.on(ParticipantEvent.ConnectionQualityChanged, update);
    return () => {
      participant.off(ParticipantEvent.ConnectionQualityChanged, update);
      setLost(false);
    };
  }, [participant]);
  return lost;
}
