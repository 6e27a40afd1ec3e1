import type { Metadata } from "next";
import { Studio } from "@/components/studio/studio";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { liveShowOfHost } from "@/lib/shows/show-for-host";

export const metadata: Metadata = { title: "Go live" };

export default async function StudioPage() {
  const user = await requireUserOrRedirect("/studio");
  const liveShow = await liveShowOfHost(user.id);
  return <Studio liveShow={liveShow} />;
}
