// Resolved against this stand-in origin rather than the real one: the question is only whether
// a browser would stay on whatever origin the app is served from.
const BASE = "http://suixin.invalid";

// Browsers drop tabs and newlines from URLs and read "\" as "/": `/\t/evil.example` and
// `/\evil.example` both mean //evil.example. Refuse them (and every other control character)
// outright instead of guessing how a browser will clean them up.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * A "go back to" target that keeps the browser on the app's own origin: the value is resolved
 * like a browser would (relative to the app), and only a same-origin result is kept, as a path
 * starting with a single "/". Anything else gives `fallback`.
 */
export function safeCallbackUrl(value: string | string[] | undefined | null, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || UNSAFE.test(raw) || UNSAFE.test(safeDecode(raw))) return fallback;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // "//x" after normalization (e.g. "/./ /x") would be scheme-relative when used as a link.
  return target.startsWith("//") ? fallback : target;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return "\u0000"; // malformed escapes: refuse
  }
}
