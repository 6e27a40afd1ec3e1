import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { type CapturedFrame, captureCameraFrames } from "@/lib/livekit/frame-capture";
import { type ScreenedShow, blurShow, endShowForScreening, flagShow } from "@/lib/screening/actions";
import { type FrameClassifier, getClassifier } from "@/lib/screening/classifier";
import { classifierInput, storeFrame } from "@/lib/screening/frames";
import { type ClassScores, evaluateRules, topClass } from "@/lib/screening/rules";
import { getSettings } from "@/lib/settings";
import { roomNameFor } from "@/lib/shows/room-name";

// One screening sample of one live show: a frame of each camera in its room (the host's and each
// stage guest's), classified, stored, and the rules applied. Runs in the leader's sampling loop
// (lib/screening/sampling-loop), never in a request. A failure is recorded for the dashboard and
// logged; it never touches the show.

const CAPTURE_TIMEOUT_MS = 8_000;

function sampleId(): string {
  return randomBytes(12).toString("hex");
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

async function classifyFrame(show: ScreenedShow, classifier: FrameClassifier, frame: CapturedFrame) {
  const scores: ClassScores = await classifier.classify(await classifierInput(frame, classifier.inputSize));
  const classifiedAt = new Date();
  const id = sampleId();
  const frameFile = await storeFrame(id, frame);
  await db.screeningSample.create({
    data: {
      id,
      showId: show.id,
      participantIdentity: frame.participantIdentity,
      trackSid: frame.trackSid,
      classifier: classifier.name,
      capturedAt: frame.capturedAt,
      classifiedAt,
      scores,
      topClass: topClass(scores),
      frameFile,
    },
  });
  return { id, frameFile, scores, participantIdentity: frame.participantIdentity };
}

async function applyRules(show: ScreenedShow, sample: Awaited<ReturnType<typeof classifyFrame>>): Promise<void> {
  const settings = await getSettings();
  const verdict = evaluateRules(settings.screeningRules, sample.scores);
  if (!verdict.action || !verdict.decisive) return;
  const live = await db.show.count({ where: { id: show.id, status: "LIVE" } });
  if (!live) return; // ended while we were classifying: nothing to act on
  const state = await db.screeningState.findUnique({ where: { showId: show.id }, select: { quietUntil: true } });
  const quiet = state?.quietUntil && state.quietUntil > new Date();
  // After "looks fine" only an end rule acts for a while: the operator has seen this picture.
  if (quiet && verdict.action !== "end") return;
  const evidence = { sampleId: sample.id, participantIdentity: sample.participantIdentity, scores: sample.scores, frameFile: sample.frameFile };
  await flagShow(show, verdict.decisive, evidence, verdict.action);
  if (verdict.action === "blur") await blurShow(show, verdict.decisive);
  if (verdict.action === "end") await endShowForScreening(show, verdict.decisive);
}

async function recordOutcome(showId: string, outcome: { ok: true; sampled: boolean } | { ok: false; error: string }) {
  const now = new Date();
  const data = outcome.ok
    ? { lastAttemptAt: now, failures: 0, ...(outcome.sampled ? { lastSampleAt: now } : {}) }
    : { lastAttemptAt: now, failures: { increment: 1 }, lastError: outcome.error, lastErrorAt: now };
  const create = outcome.ok
    ? { showId, lastAttemptAt: now, ...(outcome.sampled ? { lastSampleAt: now } : {}) }
    : { showId, lastAttemptAt: now, failures: 1, lastError: outcome.error, lastErrorAt: now };
  await db.screeningState.upsert({ where: { showId }, create, update: data });
}

/** Samples one live show once. Returns how many frames were classified. */
export async function screenShow(showId: string): Promise<number> {
  const show = await db.show.findFirst({ where: { id: showId, status: "LIVE" }, select: { id: true, roomNumber: true, title: true, hostId: true } });
  if (!show) return 0; // ended: screening stops with the show
  try {
    // Loaded before the capture, so a frame never waits for the model.
    const classifier = await getClassifier();
    const { frames, missed } = await captureCameraFrames(roomNameFor(show.roomNumber), { timeoutMs: CAPTURE_TIMEOUT_MS });
    for (const frame of frames) await applyRules(show, await classifyFrame(show, classifier, frame));
    if (missed.length > 0 && frames.length === 0) throw new Error(`no frame from ${missed.length} camera(s) within ${CAPTURE_TIMEOUT_MS / 1000} s`);
    await recordOutcome(show.id, { ok: true, sampled: frames.length > 0 });
    return frames.length;
  } catch (error) {
    const state = await db.screeningState.findUnique({ where: { showId: show.id }, select: { failures: true } });
    // Once per outage in the log; the dashboard shows it as "degraded" from the state row.
    if (!state?.failures) console.warn(`[screening] show ${show.roomNumber}: sample failed:`, message(error));
    await recordOutcome(show.id, { ok: false, error: message(error) }).catch(() => undefined);
    return 0;
  }
}
