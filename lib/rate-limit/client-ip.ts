import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/**
 * The client's address for per-IP limits. Next.js puts the socket address in X-Forwarded-For
 * unless the request already carries one, so behind N trusted reverse proxies (which append the
 * address they saw) the client is the N-th entry from the right. With no proxy in front
 * (SUIXIN_TRUSTED_PROXY_HOPS=0) a client can choose this value: per-IP limits are then
 * best-effort and the per-account limits carry the protection.
 */
export function clientIpFrom(forwardedFor: string | null, trustedHops: number): string {
  const chain = (forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const index = chain.length - Math.max(1, trustedHops);
  return chain[Math.max(0, index)] ?? "unknown";
}

export async function clientIp(): Promise<string> {
  return clientIpFrom((await headers()).get("x-forwarded-for"), env().SUIXIN_TRUSTED_PROXY_HOPS);
}
