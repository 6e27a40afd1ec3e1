import type { Metadata } from "next";
import { PastShows } from "@/components/recording/past-shows";
import { Studio } from "@/components/studio/studio";
import { requireUserOrRedirect } from "@/lib/auth/session";
import { pastShowsOf } from "@/lib/recording/replay";
import { liveShowOfHost } from "@/lib/shows/show-for-host";

export const metadata: Metadata = { title: "Go live" };

export default async function StudioPage() {
  const user = await requireUserOrRedirect("/studio");
  const [liveShow, pastShows] = await Promise.all([liveShowOfHost(user.id), pastShowsOf(user.id)]);
  return (
    <div className="space-y-8">
      <Studio liveShow={liveShow} />
      <PastShows shows={pastShows} />
    </div>
  );
}
