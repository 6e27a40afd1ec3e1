"use client";

import { useRemoteParticipant } from "@livekit/components-react";
import { useState } from "react";
import { useShowEvents } from "@/components/room/use-show-events";

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
  // The SFU tells us at once when the host's connection is gone; the server's word follows.
  const hostInRoom = useRemoteParticipant(hostIdentity) !== undefined;

  useShowEvents((event) => {
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

  return { notices, viewers, hostAway: serverSaysAway || !hostInRoom };
}
