import { z } from "zod";

// Shared by the "Go live" form and the server.
export const TITLE_MAX = 60;

export const showTitleSchema = z
  .string()
  .trim()
  .min(1, "Give your show a title")
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters`);

export const goLiveSchema = z.object({ title: showTitleSchema });

export const roomNumberSchema = z.coerce
  .number({ error: "Room number must be a number" })
  .int("Room number must be a whole number")
  .min(10001, "No such room")
  .max(2_147_483_647, "No such room");

export const showRefSchema = z.object({ roomNumber: roomNumberSchema });
