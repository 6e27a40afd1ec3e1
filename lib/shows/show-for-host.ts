import "server-only";
import { db } from "@/lib/db";

/** The host's current live show, if any (the studio offers to resume it). */
export async function liveShowOfHost(hostId: string) {
  return db.show.findFirst({ where: { hostId, status: "LIVE" }, select: { roomNumber: true, title: true } });
}
