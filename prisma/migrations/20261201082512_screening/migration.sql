-- CreateEnum
CREATE TYPE "ScreeningAction" AS ENUM ('FLAG', 'BLUR', 'END');

-- CreateEnum
CREATE TYPE "ScreeningFlagStatus" AS ENUM ('OPEN', 'CLEARED');

-- AlterEnum
ALTER TYPE "EndReason" ADD VALUE 'SCREENING';

-- CreateTable
CREATE TABLE "ScreeningSample" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "participantIdentity" TEXT NOT NULL,
    "trackSid" TEXT NOT NULL,
    "classifier" TEXT NOT NULL,
    "capturedAt" TIMESTAMP(3) NOT NULL,
    "classifiedAt" TIMESTAMP(3) NOT NULL,
    "scores" JSONB NOT NULL,
    "topClass" TEXT NOT NULL,
    "frameFile" TEXT,

    CONSTRAINT "ScreeningSample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningFlag" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "sampleId" TEXT,
    "participantIdentity" TEXT NOT NULL,
    "action" "ScreeningAction" NOT NULL,
    "className" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "threshold" DOUBLE PRECISION NOT NULL,
    "reason" TEXT NOT NULL,
    "scores" JSONB NOT NULL,
    "frameFile" TEXT,
    "status" "ScreeningFlagStatus" NOT NULL DEFAULT 'OPEN',
    "hits" INTEGER NOT NULL DEFAULT 1,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appeal" TEXT,
    "appealedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScreeningFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScreeningState" (
    "showId" TEXT NOT NULL,
    "blurred" BOOLEAN NOT NULL DEFAULT false,
    "blurredAt" TIMESTAMP(3),
    "quietUntil" TIMESTAMP(3),
    "lastAttemptAt" TIMESTAMP(3),
    "lastSampleAt" TIMESTAMP(3),
    "lastError" TEXT,
    "lastErrorAt" TIMESTAMP(3),
    "failures" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScreeningState_pkey" PRIMARY KEY ("showId")
);

-- CreateIndex
CREATE INDEX "ScreeningSample_showId_capturedAt_idx" ON "ScreeningSample"("showId", "capturedAt");

-- CreateIndex
CREATE INDEX "ScreeningSample_capturedAt_idx" ON "ScreeningSample"("capturedAt");

-- CreateIndex
CREATE INDEX "ScreeningFlag_status_createdAt_idx" ON "ScreeningFlag"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ScreeningFlag_showId_status_idx" ON "ScreeningFlag"("showId", "status");

-- CreateIndex
CREATE INDEX "ScreeningFlag_createdAt_idx" ON "ScreeningFlag"("createdAt");

-- AddForeignKey
ALTER TABLE "ScreeningSample" ADD CONSTRAINT "ScreeningSample_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningFlag" ADD CONSTRAINT "ScreeningFlag_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningFlag" ADD CONSTRAINT "ScreeningFlag_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "ScreeningSample"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningFlag" ADD CONSTRAINT "ScreeningFlag_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScreeningState" ADD CONSTRAINT "ScreeningState_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: at most one OPEN flag per show (later matches are hits on it).
CREATE UNIQUE INDEX "ScreeningFlag_one_open_per_show" ON "ScreeningFlag"("showId") WHERE "status" = 'OPEN';
ALTER TABLE "ScreeningFlag" ADD CONSTRAINT "ScreeningFlag_score_range" CHECK ("score" >= 0 AND "score" <= 1 AND "threshold" >= 0 AND "threshold" <= 1);
