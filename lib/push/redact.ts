// How LiveKit Egress names a push URL in its stream results: the stream key shortened to its first
// and last few characters (protocol's utils.RedactStreamKey, used by Egress v1.8.6). The app
// computes the same form to match each destination with its result; the key never leaves it.

// Go's regexp `^(rtmps?://)(.*/)(.*/)(\S*)( live=1)?$`: the last path segment is the key.
const RTMP = /^(rtmps?:\/\/)(.*\/)(.*\/)(\S*)( live=1)?$/;

function redactIdentifier(identifier: string): string {
  for (let i = 3; i > 0; i--) {
    if (identifier.length >= i * 3) return `{${identifier.slice(0, i)}...${identifier.slice(-i)}}`;
  }
  return "{...}";
}

export function livekitRedactedUrl(url: string): string {
  const match = RTMP.exec(url);
  if (!match) return url;
  const [, scheme = "", host = "", app = "", key = "", live = ""] = match;
  return `${scheme}${host}${app}${redactIdentifier(key)}${live}`;
}

/** What the host sees of a destination: scheme, host and app; the stream key hidden. */
export function maskPushUrl(raw: string): string {
  const url = new URL(raw);
  const [app] = url.pathname.split("/").filter(Boolean);
  return `${url.protocol}//${url.host}/${app ?? ""}/…`;
}
