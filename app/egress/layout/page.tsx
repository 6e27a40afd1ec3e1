import type { Metadata } from "next";
import { z } from "zod";
import { CompositeLayout } from "@/components/egress/composite-layout";
import { overlayFor } from "@/lib/egress/overlay";
import { livekitConfig } from "@/lib/livekit/config";
import { roomOfToken } from "@/lib/livekit/tokens";
import { isRoomBlurred } from "@/lib/screening/blur-state";

export const metadata: Metadata = { title: "Composite", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Egress opens <template_base or the job's page>?url=<ws_url>&token=<recorder token>&layout=<layout>,
// plus overlay=<signed token> when the host chose "with overlay" (lib/egress/overlay-token).
const querySchema = z.object({
  url: z.string().regex(/^wss?:\/\/[^\s]+$/),
  token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/),
  overlay: z.string().max(200).optional(),
});

function isOurLiveKit(url: string): boolean {
  return URL.parse(url)?.origin === new URL(livekitConfig().wsUrl).origin;
}

const REFUSED = "This page is opened by the recording service only.";

/**
 * What LiveKit Egress's Chromium records for HLS and RTMP (RoomComposite, template_base in
 * egress.yaml). No login: the recorder token in the query string is the only key to the media, and
 * the overlay's signed token the only key to the show's chat. It connects to our own LiveKit
 * server only (also pinned by its Content-Security-Policy, lib/security/headers.ts): a crafted
 * link cannot point it elsewhere.
 */
export default async function EgressLayoutPage({ searchParams }: Props) {
  const query = querySchema.safeParse(await searchParams);
  // Egress fails the job with the text of a div.error.
  if (!query.success || !isOurLiveKit(query.data.url)) return <div className="error">{REFUSED}</div>;
  const overlay = query.data.overlay === undefined ? null : await overlayFor(query.data.overlay);
  if (query.data.overlay !== undefined && !overlay) return <div className="error">{REFUSED} (The overlay link is not valid.)</div>;
  // Starts on screening's placeholder when the show is held for review (room events follow).
  const room = await roomOfToken(query.data.token);
  const initialBlurred = room ? await isRoomBlurred(room) : false;
  return <CompositeLayout serverUrl={query.data.url} token={query.data.token} overlay={overlay} initialBlurred={initialBlurred} />;
}
