-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('USER', 'OPERATOR');

-- CreateEnum
CREATE TYPE "ShowStatus" AS ENUM ('LIVE', 'ENDED');

-- CreateEnum
CREATE TYPE "EndReason" AS ENUM ('HOST', 'HOST_TIMEOUT', 'OPERATOR', 'ROOM_GONE');

-- CreateEnum
CREATE TYPE "EgressKind" AS ENUM ('HLS', 'RTMP', 'MP4');

-- CreateEnum
CREATE TYPE "EgressStatus" AS ENUM ('STARTING', 'ACTIVE', 'ENDING', 'COMPLETE', 'FAILED', 'ABORTED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "UserRole" NOT NULL DEFAULT 'USER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Show" (
    "id" TEXT NOT NULL,
    "roomNumber" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "status" "ShowStatus" NOT NULL DEFAULT 'LIVE',
    "coverPath" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "endReason" "EndReason",
    "hostAwaySince" TIMESTAMP(3),
    "likes" INTEGER NOT NULL DEFAULT 0,
    "viewerCount" INTEGER NOT NULL DEFAULT 0,
    "peakViewers" INTEGER NOT NULL DEFAULT 0,
    "uniqueViewers" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Show_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParticipantSession" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "isHost" BOOLEAN NOT NULL DEFAULT false,
    "joinedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leftAt" TIMESTAMP(3),

    CONSTRAINT "ParticipantSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Egress" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "kind" "EgressKind" NOT NULL,
    "status" "EgressStatus" NOT NULL DEFAULT 'STARTING',
    "outputs" JSONB,
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Egress_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Show_roomNumber_key" ON "Show"("roomNumber");

-- CreateIndex
CREATE INDEX "Show_status_startedAt_idx" ON "Show"("status", "startedAt");

-- CreateIndex
CREATE INDEX "Show_hostId_idx" ON "Show"("hostId");

-- CreateIndex
CREATE INDEX "ParticipantSession_showId_leftAt_idx" ON "ParticipantSession"("showId", "leftAt");

-- CreateIndex
CREATE INDEX "ParticipantSession_showId_userId_idx" ON "ParticipantSession"("showId", "userId");

-- CreateIndex
CREATE INDEX "Egress_showId_kind_idx" ON "Egress"("showId", "kind");

-- AddForeignKey
ALTER TABLE "Show" ADD CONSTRAINT "Show_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantSession" ADD CONSTRAINT "ParticipantSession_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipantSession" ADD CONSTRAINT "ParticipantSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Egress" ADD CONSTRAINT "Egress_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these):
-- Room numbers start at 10001, as in the original Suixinbo business server.
ALTER SEQUENCE "Show_roomNumber_seq" RESTART WITH 10001;

-- One live show per host at a time, enforced by the database even under concurrent requests.
CREATE UNIQUE INDEX "Show_one_live_per_host" ON "Show"("hostId") WHERE "status" = 'LIVE';
