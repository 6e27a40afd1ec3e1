"use client";

import type { Room } from "livekit-client";
import { useLayoutEffect, useState } from "react";
import { z } from "zod";
import { connectionDetailsSchema } from "@/lib/shows/schema";

/**
 * One viewer's way into a show's LiveKit room: its token asked from the server
 * (`POST /api/shows/<room>/token`, which decides and rate-limits), then the connection. It is
 * started as early as the browser knows where the viewer is going: on the click in the room
 * list (before the watch page has even answered), or else when the watch page mounts.
 */
type Join = {
  roomNumber: number;
  room: Promise<Room>;
  /** null once connected (or cancelled), else why not: the server's refusal, or a failure */
  refusal: Promise<string | null>;
  claimed: boolean;
  cancel: () => void;
};

// A join started from the list that no watch page takes over (the navigation went elsewhere) is
// dropped after this long: its connection must not linger.
const UNCLAIMED_MS = 15_000;
// A first connection that fails (an SFU or a browser too busy to finish the handshake in time)
// is tried again with the same token before the viewer is told; once connected, the SDK
// reconnects by itself.
const CONNECT_ATTEMPTS = 3;
const RETRY_MS = 1_000;
const errorBodySchema = z.object({ message: z.string() });
const FAILED = "Could not join this show. Please try again.";

let pending: Join | null = null;

async function connectWithRetries(room: Room, serverUrl: string, token: string, cancelled: () => boolean): Promise<string | null> {
  for (let attempt = 1; ; attempt++) {
    if (cancelled()) return null;
    try {
      await room.connect(serverUrl, token);
      return null;
    } catch (error) {
      if (cancelled()) return null; // our own disconnect ended the attempt
      console.warn(`joining the show's room failed (attempt ${attempt} of ${CONNECT_ATTEMPTS})`, error);
      if (attempt >= CONNECT_ATTEMPTS) return FAILED;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

function startJoin(roomNumber: number): Join {
  let cancelled = false;
  // Code (livekit-client; preloaded by the list) and token are fetched side by side.
  const roomCode = import("livekit-client");
  const answer = fetch(`/api/shows/${roomNumber}/token`, { method: "POST", cache: "no-store" });
  const room = roomCode.then(({ Room }) => new Room({ adaptiveStream: true, dynacast: true }));
  const refusal = Promise.all([answer, room])
    .then(async ([response, lkRoom]) => {
      const body: unknown = await response.json();
      if (!response.ok) return errorBodySchema.safeParse(body).data?.message ?? FAILED;
      const { serverUrl, token } = connectionDetailsSchema.parse(body);
      return connectWithRetries(lkRoom, serverUrl, token, () => cancelled);
    })
    .catch(() => FAILED);
  return {
    roomNumber,
    room,
    refusal,
    claimed: false,
    cancel: () => {
      cancelled = true;
      room.then((r) => r.disconnect()).catch(() => undefined);
    },
  };
}

/** The room list calls this on a click on a show: the connection starts while the page loads. */
export function joinAhead(roomNumber: number): void {
  pending?.cancel();
  const join = startJoin(roomNumber);
  pending = join;
  setTimeout(() => {
    if (pending === join && !join.claimed) {
      join.cancel();
      pending = null;
    }
  }, UNCLAIMED_MS);
}

/** The join started from the list for this room, or a new one. */
function claimJoin(roomNumber: number): Join {
  const join = pending && pending.roomNumber === roomNumber && !pending.claimed ? pending : startJoin(roomNumber);
  join.claimed = true;
  if (pending === join) pending = null;
  return join;
}

/** The watch page's room: connecting (or already connected) once it is known; or why not. */
export function useViewerJoin(roomNumber: number): { room: Room | null; refusal: string | null } {
  const [state, setState] = useState<{ room: Room | null; refusal: string | null }>({ room: null, refusal: null });
  // A layout effect: the join is claimed (or started) before the page first paints.
  useLayoutEffect(() => {
    const join = claimJoin(roomNumber);
    let current = true;
    // The room is shown as soon as it exists (its hooks then see it connect), unless refused.
    join.room.then(
      (room) => current && setState((s) => (s.refusal ? s : { room, refusal: null })),
      () => undefined, // then the refusal says so
    );
    void join.refusal.then((refusal) => current && refusal && setState({ room: null, refusal }));
    return () => {
      current = false;
      join.cancel();
    };
  }, [roomNumber]);
  return state;
}
