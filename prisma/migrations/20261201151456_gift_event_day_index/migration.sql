-- CreateIndex
CREATE INDEX "GiftEvent_createdAt_idx" ON "GiftEvent"("createdAt");
