// Chat text as the server stores it: line breaks become spaces, control characters and the
// invisible characters that can reorder or hide text (bidi overrides, zero-width space) go.
// Joiners (U+200C/U+200D) stay: emoji sequences and several scripts need them.
const LINE_BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const INVISIBLE = /[\p{Cc}\u200B\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

export function cleanText(raw: string): string {
  return raw.replace(LINE_BREAKS, " ").replace(INVISIBLE, "").trim();
}

/** Length as people count it: code points, not UTF-16 units (an emoji is one). */
export function textLength(text: string): number {
  return [...text].length;
}
