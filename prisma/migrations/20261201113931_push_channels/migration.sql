-- CreateEnum
CREATE TYPE "DestinationStatus" AS ENUM ('STARTING', 'ACTIVE', 'STOPPED', 'FAILED');

-- AlterTable
ALTER TABLE "Egress" ADD COLUMN     "channelId" TEXT;

-- CreateTable
CREATE TABLE "PushChannel" (
    "id" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "kind" "EgressKind" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "PushChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PushDestination" (
    "id" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "egressId" TEXT,
    "url" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "redactedUrl" TEXT NOT NULL,
    "status" "DestinationStatus" NOT NULL DEFAULT 'STARTING',
    "error" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "PushDestination_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PushChannel_hostId_closedAt_idx" ON "PushChannel"("hostId", "closedAt");

-- CreateIndex
CREATE INDEX "PushDestination_channelId_status_idx" ON "PushDestination"("channelId", "status");

-- CreateIndex
CREATE INDEX "PushDestination_egressId_idx" ON "PushDestination"("egressId");

-- CreateIndex
CREATE INDEX "Egress_channelId_idx" ON "Egress"("channelId");

-- AddForeignKey
ALTER TABLE "Egress" ADD CONSTRAINT "Egress_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "PushChannel"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushChannel" ADD CONSTRAINT "PushChannel_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PushDestination" ADD CONSTRAINT "PushDestination_channelId_fkey" FOREIGN KEY ("channelId") REFERENCES "PushChannel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these):
-- A push channel is an HLS or an RTMP output, never a recording.
ALTER TABLE "PushChannel" ADD CONSTRAINT "PushChannel_kind_push" CHECK (kind IN ('HLS', 'RTMP'));
-- One open channel per kind per account: a restart reuses it, two concurrent starts cannot open two.
CREATE UNIQUE INDEX "PushChannel_one_open_per_kind" ON "PushChannel"("hostId", "kind") WHERE "closedAt" IS NULL;
