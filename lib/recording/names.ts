// Recording parts are named like the original's VOD files: <title>_<start>_<end>.mp4.

/** A file-name-safe slug of a show title (ASCII letters and digits; "show" when nothing is left). */
export function titleSlug(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug || "show";
}

/** 2026-11-21T08:45:03Z → 20261121-084503 (UTC). */
export function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "").replace(/[-:]/g, "").replace("T", "-");
}

/** `.m4a` for an audio-only recording. */
export function recordingFileName(title: string, start: Date, end: Date, extension: "mp4" | "m4a" = "mp4"): string {
  return `${titleSlug(title)}_${stamp(start)}_${stamp(end)}.${extension}`;
}
