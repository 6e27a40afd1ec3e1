import { z } from "zod";

// Shared by the "Go live" form and the server.
export const TITLE_MAX = 60;
export const COVER_MAX_BYTES = 5 * 1024 * 1024;

export const showTitleSchema = z
  .string()
  .trim()
  .min(1, "Give your show a title")
  .max(TITLE_MAX, `Title must be at most ${TITLE_MAX} characters`);

/** An optional cover upload; an empty file input means "no cover". Content is checked by lib/shows/cover. */
export const coverUploadSchema = z
  .instanceof(File)
  .optional()
  .transform((file) => (file && file.size > 0 ? file : undefined))
  .refine((file) => !file || file.size <= COVER_MAX_BYTES, "Cover image must be at most 5 MB");

export const goLiveSchema = z.object({ title: showTitleSchema, cover: coverUploadSchema });

export const roomNumberSchema = z.coerce
  .number({ error: "Room number must be a number" })
  .int("Room number must be a whole number")
  .min(10001, "No such room")
  .max(2_147_483_647, "No such room");

export const showRefSchema = z.object({ roomNumber: roomNumberSchema });

export const MAX_LIST_PAGE = 10_000;

/**
 * A page of the room list as it appears in a path (`/live/2`, `/api/shows/page/2`, where the
 * public `/?page=2` and `/api/shows?page=2` are mapped onto: lib/http/room-list-urls.ts). Only the plain
 * number is accepted: each distinct path is an entry of the page cache.
 */
export const listPagePathSchema = z
  .string()
  .regex(/^[1-9][0-9]*$/, "No such page")
  .transform(Number)
  .pipe(z.number().max(MAX_LIST_PAGE, "No such page"));

/** What a browser needs to join a show's LiveKit room: the token route's answer. */
export const connectionDetailsSchema = z.object({ serverUrl: z.string(), token: z.string(), roomNumber: z.number().int() });

export type ConnectionDetails = z.infer<typeof connectionDetailsSchema>;
