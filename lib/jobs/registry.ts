import "server-only";
import { finishRecordingJob } from "@/lib/egress/apply-egress-event";
import { hlsRetentionLoop } from "@/lib/egress/hls-retention";
import { roomEventJob } from "@/lib/events/queue";
import { giftAnnouncementJob, giftAnnouncementSweepLoop } from "@/lib/gifts/announce";
import type { Job } from "@/lib/jobs/define";
import { releaseDeadWorkersLoop } from "@/lib/jobs/liveness";
import type { Loop } from "@/lib/leader";
import { likesFlushLoop } from "@/lib/likes/flush";
import { metricsLoop } from "@/lib/metrics/sample";
import { screeningRetentionLoop } from "@/lib/screening/retention";
import { screeningLoop } from "@/lib/screening/sampling-loop";
import { showEndedJob } from "@/lib/shows/end-show";
import { hostTimeoutJob } from "@/lib/shows/host-timeout";
import { reconcileLoop } from "@/lib/shows/reconcile-loop";
import { inviteExpiryJob } from "@/lib/stage/invites";
import { publishDeadlineJob, revokeStageAccessJob } from "@/lib/stage/seats";
import { stageSyncLoop } from "@/lib/stage/sync";
import { removeFromRoomsJob } from "@/lib/users/ban";
import { closeStrayRoomJob } from "@/lib/webhooks/apply-livekit-event";
import { purgeWebhookDeliveriesLoop } from "@/lib/webhooks/purge-loop";

// Every background job and leader loop of the app, by domain: a job's module defines it
// (defineJob / Loop) and is listed here so the runner knows it.

export const jobs: readonly Job[] = [
  hostTimeoutJob,
  showEndedJob,
  roomEventJob,
  finishRecordingJob,
  closeStrayRoomJob,
  inviteExpiryJob,
  publishDeadlineJob,
  revokeStageAccessJob,
  giftAnnouncementJob,
  removeFromRoomsJob,
];

export const loops: readonly Loop[] = [
  reconcileLoop,
  hlsRetentionLoop,
  purgeWebhookDeliveriesLoop,
  releaseDeadWorkersLoop,
  stageSyncLoop,
  likesFlushLoop,
  metricsLoop,
  giftAnnouncementSweepLoop,
  screeningLoop,
  screeningRetentionLoop,
];
