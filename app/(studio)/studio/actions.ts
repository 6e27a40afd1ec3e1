"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/safe-action";
import { broadcastStatus } from "@/lib/egress/broadcasts";
import { startBroadcastSchema, stopBroadcastSchema } from "@/lib/egress/schema";
import { startBroadcast } from "@/lib/egress/start-broadcast";
import { stopBroadcast } from "@/lib/egress/stop-broadcast";
import { appealScreening, hostScreeningNotice } from "@/lib/screening/host-notice";
import { appealSchema } from "@/lib/screening/schema";
import { endShowByUser } from "@/lib/shows/end-show-by-user";
import { goLive } from "@/lib/shows/go-live";
import { rejoinShowAsHost } from "@/lib/shows/join-show";
import { goLiveSchema, showRefSchema } from "@/lib/shows/schema";

export const goLiveAction = userAction(goLiveSchema, async (input, user) => {
  const connection = await goLive(user, input);
  revalidatePath("/");
  return connection;
});

export const resumeBroadcastAction = userAction(showRefSchema, (input, user) => rejoinShowAsHost(user, input.roomNumber));

export const endShowAction = userAction(showRefSchema, async (input, user) => {
  const result = await endShowByUser(user, input.roomNumber);
  revalidatePath("/");
  return result;
});

export const startBroadcastAction = userAction(startBroadcastSchema, (input, user) => startBroadcast(user, input));

export const stopBroadcastAction = userAction(stopBroadcastSchema, (input, user) => stopBroadcast(user, input));

export const broadcastStatusAction = userAction(showRefSchema, (input, user) => broadcastStatus(user, input.roomNumber));

export const screeningNoticeAction = userAction(showRefSchema, (input, user) => hostScreeningNotice(user, input.roomNumber));

export const appealScreeningAction = userAction(appealSchema, (input, user) => appealScreening(user, input));
