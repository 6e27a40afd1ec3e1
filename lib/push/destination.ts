import "server-only";
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { AppError } from "@/lib/errors";
import { getSetting } from "@/lib/settings";

// Where Egress may push a show. Egress connects from our machine, so a URL naming a loopback,
// private or link-local host would let any host probe our network and read the error back.

/** How long a start request waits for DNS before refusing the push. */
const LOOKUP_TIMEOUT_MS = 5_000;

/**
 * True for an address that belongs to the public internet: ipaddr.js's "unicast" range only,
 * after unwrapping IPv4-mapped IPv6 (::ffff:10.0.0.1 is 10.0.0.1). Everything else is refused:
 * loopback, private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), link-local, multicast,
 * broadcast, unspecified, documentation and benchmarking ranges, IPv6 ULA (fc00::/7), NAT64,
 * 6to4 and Teredo (which embed IPv4 addresses), and the deprecated IPv4-compatible ::a.b.c.d.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv6" && ip.toByteArray().slice(0, 12).every((byte) => byte === 0)) return false;
  return ip.range() === "unicast";
}

/** The host part of an rtmp(s):// URL as DNS wants it (no IPv6 brackets). */
function hostOf(rawUrl: string): string {
  const host = new URL(rawUrl).hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

export type Resolve = (host: string) => Promise<string[]>;

async function resolveAll(host: string): Promise<string[]> {
  if (ipaddr.isValid(host)) return [host];
  const answers = await lookup(host, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

function refused(message: string): AppError {
  return new AppError("VALIDATION", message, { url: [message] });
}

/**
 * Refuses a push URL whose host is, or resolves to, an address outside the public internet
 * (every address of the answer is checked), unless the operator allows private destinations
 * (setting `allowPrivateRtmp`, e.g. for a receiver on the same machine). Call it right before
 * starting the push: a DNS answer can change between two requests.
 */
export async function assertPushDestination(
  rawUrl: string,
  options: { allowPrivate?: boolean; resolve?: Resolve } = {},
): Promise<void> {
  const allowPrivate = options.allowPrivate ?? (await getSetting("allowPrivateRtmp"));
  if (allowPrivate) return;
  const host = hostOf(rawUrl);
  let addresses: string[];
  try {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), LOOKUP_TIMEOUT_MS).unref());
    addresses = await Promise.race([(options.resolve ?? resolveAll)(host), timeout]);
  } catch {
    throw refused(`Could not find the push server ${host}. Check the URL.`);
  }
  if (addresses.length === 0) throw refused(`Could not find the push server ${host}. Check the URL.`);
  if (!addresses.every(isPublicAddress)) {
    throw refused("Pushing to local or private network addresses is not allowed. Use a public RTMP server.");
  }
}
