-- CreateEnum
CREATE TYPE "StageRequestKind" AS ENUM ('INVITE', 'HAND');

-- CreateEnum
CREATE TYPE "StageRequestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "StageExit" AS ENUM ('LEFT', 'REMOVED', 'NO_PUBLISH', 'DISCONNECTED', 'SHOW_ENDED');

-- CreateTable
CREATE TABLE "StageRequest" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "kind" "StageRequestKind" NOT NULL,
    "status" "StageRequestStatus" NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "StageRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageSeat" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "identity" TEXT NOT NULL,
    "seat" INTEGER NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cameraTrackSid" TEXT,
    "micTrackSid" TEXT,
    "onStageAt" TIMESTAMP(3),
    "micMutedByHost" BOOLEAN NOT NULL DEFAULT false,
    "cameraMutedByHost" BOOLEAN NOT NULL DEFAULT false,
    "leftAt" TIMESTAMP(3),
    "exit" "StageExit",

    CONSTRAINT "StageSeat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StageRequest_showId_status_idx" ON "StageRequest"("showId", "status");

-- CreateIndex
CREATE INDEX "StageSeat_showId_leftAt_idx" ON "StageSeat"("showId", "leftAt");

-- CreateIndex
CREATE INDEX "StageSeat_identity_idx" ON "StageSeat"("identity");

-- AddForeignKey
ALTER TABLE "StageRequest" ADD CONSTRAINT "StageRequest_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageRequest" ADD CONSTRAINT "StageRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageSeat" ADD CONSTRAINT "StageSeat_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageSeat" ADD CONSTRAINT "StageSeat_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these):
-- At most three guests per show, true under any concurrency: open seats are numbered 1..3 and
-- no two open seats of a show share a number, and one open seat per person.
ALTER TABLE "StageSeat" ADD CONSTRAINT "StageSeat_seat_range" CHECK ("seat" BETWEEN 1 AND 3);
CREATE UNIQUE INDEX "StageSeat_open_seat" ON "StageSeat"("showId", "seat") WHERE "leftAt" IS NULL;
CREATE UNIQUE INDEX "StageSeat_open_user" ON "StageSeat"("showId", "userId") WHERE "leftAt" IS NULL;

-- One pending invite and one raised hand per viewer and show.
CREATE UNIQUE INDEX "StageRequest_one_pending" ON "StageRequest"("showId", "userId", "kind") WHERE "status" = 'PENDING';
