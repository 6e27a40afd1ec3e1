"use server";

import { action } from "@/lib/actions/safe-action";
import { renewPlayback } from "@/lib/push/playback";
import { renewPlaybackSchema } from "@/lib/push/schema";

/** A watch page renews its signed playback link while it plays (no login: HLS pages are public). */
export const renewPlaybackAction = action(renewPlaybackSchema, (input) => renewPlayback(input.roomNumber, input.token));
