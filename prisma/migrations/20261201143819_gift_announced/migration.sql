-- AlterTable
ALTER TABLE "GiftEvent" ADD COLUMN     "announcedAt" TIMESTAMP(3);

-- Gifts sent before this migration were announced by the jobs of that time.
UPDATE "GiftEvent" SET "announcedAt" = "createdAt";

-- The announcer's work list: a show's gifts not yet announced, oldest first (a few rows at most).
CREATE INDEX "GiftEvent_unannounced_idx" ON "GiftEvent" ("showId", "createdAt") WHERE "announcedAt" IS NULL;
