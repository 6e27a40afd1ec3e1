import type { Metadata } from "next";
import { z } from "zod";
import { CompositeLayout } from "@/components/egress/composite-layout";
import { livekitConfig } from "@/lib/livekit/config";

export const metadata: Metadata = { title: "Composite", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Egress opens <template_base>?url=<ws_url>&token=<recorder token>&layout=<layout>.
const querySchema = z.object({
  url: z.string().regex(/^wss?:\/\/[^\s]+$/),
  token: z.string().regex(/^[\w-]+\.[\w-]+\.[\w-]+$/),
});

function isOurLiveKit(url: string): boolean {
  return URL.parse(url)?.origin === new URL(livekitConfig().wsUrl).origin;
}

/**
 * What LiveKit Egress's Chromium records for HLS and RTMP (RoomComposite, template_base in
 * egress.yaml). No login: the recorder token in the query string is the only key, and the page
 * shows nothing but the room's media. It connects to our own LiveKit server only (also pinned
 * by its Content-Security-Policy, lib/security/headers.ts): a crafted link cannot point it elsewhere.
 */
export default async function EgressLayoutPage({ searchParams }: Props) {
  const query = querySchema.safeParse(await searchParams);
  // Egress fails the job with the text of a div.error.
  if (!query.success || !isOurLiveKit(query.data.url)) {
    return <div className="error">This page is opened by the recording service only.</div>;
  }
  return <CompositeLayout serverUrl={query.data.url} token={query.data.token} />;
}
