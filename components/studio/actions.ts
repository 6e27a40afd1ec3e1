"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/actions/safe-action";
import { startRecordingSchema, stopBroadcastSchema } from "@/lib/egress/schema";
import { startRecording } from "@/lib/egress/start-broadcast";
import { stopBroadcast } from "@/lib/egress/stop-broadcast";
import { addDestination, pushStatus, startHlsPush, stopDestination } from "@/lib/push/push";
import { addDestinationSchema, startHlsPushSchema, stopDestinationSchema } from "@/lib/push/schema";
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

// Every output action answers with the studio's whole view of outputs and channels.

export const startHlsPushAction = userAction(startHlsPushSchema, (input, user) => startHlsPush(user, input.roomNumber, input.overlay));

export const addDestinationAction = userAction(addDestinationSchema, (input, user) => addDestination(user, input));

export const stopDestinationAction = userAction(stopDestinationSchema, (input, user) => stopDestination(user, input));

export const startRecordingAction = userAction(startRecordingSchema, async (input, user) => {
  await startRecording(user, input);
  return pushStatus(user, input.roomNumber);
});

export const stopBroadcastAction = userAction(stopBroadcastSchema, async (input, user) => {
  await stopBroadcast(user, input);
  return pushStatus(user, input.roomNumber);
});

export const outputsStatusAction = userAction(showRefSchema, (input, user) => pushStatus(user, input.roomNumber));
