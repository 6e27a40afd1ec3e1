import "server-only";
import { db } from "@/lib/db";
import { roomCache } from "@/lib/shows/room-cache";

const select = { id: true, roomNumber: true, status: true, hostId: true, slowModeSeconds: true } as const;

export type ChatTarget = { id: string; roomNumber: number; status: "LIVE" | "ENDED"; hostId: string; slowModeSeconds: number };

// Every message looks its show up by room number. Of what it needs, only the status and slow
// mode change, and the send's own statement checks both again (send-message.ts); so each
// instance keeps a show for a second instead of asking the database for every message.
/** The show a message goes to (at most a second old; `fresh`: read now), or NOT_FOUND. */
export const chatTarget = roomCache<ChatTarget>("chat", (roomNumber) => db.show.findUnique({ where: { roomNumber }, select }));
