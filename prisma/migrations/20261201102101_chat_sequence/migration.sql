-- DropIndex
DROP INDEX "ChatMessage_showId_id_idx";

-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "seq" INTEGER NOT NULL;

-- CreateTable
CREATE TABLE "ChatSequence" (
    "showId" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ChatSequence_pkey" PRIMARY KEY ("showId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_showId_seq_key" ON "ChatMessage"("showId", "seq");

-- AddForeignKey
ALTER TABLE "ChatSequence" ADD CONSTRAINT "ChatSequence_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;
