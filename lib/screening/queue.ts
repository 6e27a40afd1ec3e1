import "server-only";
import { db } from "@/lib/db";
import { paged } from "@/lib/paging";
import { frameUrl } from "@/lib/screening/review";
import { type ClassScores, readScores } from "@/lib/screening/rules";

// Automatic screening's side of the dashboard's reports queue: each open flag is one item, with
// the frame that raised it, its scores and the show's recent history of scores.

export const FLAGS_PER_PAGE = 20;
/** Samples of the show drawn in the item's chart (newest; older ones are in the retention window). */
const HISTORY = 40;
const OPEN = { status: "OPEN" } as const;

export type ScorePoint = { t: number } & ClassScores;

function toPoint(capturedAt: Date, scores: unknown): ScorePoint {
  return { t: capturedAt.getTime(), ...readScores(scores) };
}

export async function countOpenFlags(): Promise<number> {
  return db.screeningFlag.count({ where: OPEN });
}

/** Open flags, oldest first, each with its show and score history (oldest sample first). */
export async function listOpenFlags(page: number) {
  const [rows, total] = await Promise.all([
    db.screeningFlag.findMany({
      where: OPEN,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * FLAGS_PER_PAGE,
      take: FLAGS_PER_PAGE,
      select: {
        id: true, action: true, className: true, score: true, reason: true, scores: true, frameFile: true, hits: true,
        createdAt: true, lastSeenAt: true, appeal: true, participantIdentity: true,
        show: { select: { id: true, roomNumber: true, title: true, status: true, host: { select: { id: true, name: true } } } },
      },
    }),
    countOpenFlags(),
  ]);
  const items = await Promise.all(
    rows.map(async ({ frameFile, scores, ...flag }) => {
      const samples = await db.screeningSample.findMany({
        where: { showId: flag.show.id },
        orderBy: { capturedAt: "desc" },
        take: HISTORY,
        select: { capturedAt: true, scores: true },
      });
      return {
        ...flag,
        frameUrl: frameUrl(frameFile),
        scores: toPoint(flag.createdAt, scores),
        history: samples.reverse().map((s) => toPoint(s.capturedAt, s.scores)),
      };
    }),
  );
  return paged(items, total, page, FLAGS_PER_PAGE);
}

export type ScreeningQueueItem = Awaited<ReturnType<typeof listOpenFlags>>["rows"][number];
