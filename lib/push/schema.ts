import { z } from "zod";
import { roomNumberSchema } from "@/lib/shows/schema";

// Shared by the studio's push controls, the push route and the server.

/** At most this many RTMP destinations at once (one Egress job feeds them all). */
export const MAX_DESTINATIONS = 3;

/** Where a push may go: rtmp:// or rtmps:// with a host and an app/stream-key path. */
export const rtmpUrlSchema = z
  .string()
  .trim()
  .max(2048, "The push URL is too long")
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    return (url.protocol === "rtmp:" || url.protocol === "rtmps:") && url.hostname !== "" && url.pathname.length > 1;
  }, "Enter an rtmp:// or rtmps:// URL with a stream path, e.g. rtmp://live.example.com/app/stream-key");

const idSchema = z.string().regex(/^[a-z0-9]{20,32}$/, "No such output");

/** The composite's picture: the stage alone ("camera only") or with the chat and gifts over it. */
const overlaySchema = z.boolean().default(false);

export const startHlsPushSchema = z.object({ roomNumber: roomNumberSchema, overlay: overlaySchema });
export const addDestinationSchema = z.object({ roomNumber: roomNumberSchema, url: rtmpUrlSchema, overlay: overlaySchema });
export const stopDestinationSchema = z.object({ roomNumber: roomNumberSchema, destinationId: idSchema });

/** A watch page asking for a fresh link (it sends the one it has). */
export const renewPlaybackSchema = z.object({ roomNumber: roomNumberSchema, token: z.string().max(200) });
