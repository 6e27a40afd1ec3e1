"use client";

/**
 * Fetches and evaluates the watch page's room code (LiveKit's client included, the bulk of it)
 * ahead of a click, so joining a show does not wait for it after the server has answered.
 * Repeated calls cost nothing: the module loads once per page.
 */
export function preloadViewerRoom(): void {
  void import("@/components/room/viewer-room");
}
