-- A gift's time to the microsecond (clock_timestamp() gives it; timestamp(3) kept milliseconds):
-- two gifts of one show sent within the same millisecond tied, so the announcer's order
-- ("createdAt", id) and a sender's "previous gift" for the combo fell back to a random id. Seen
-- when sends got faster (send-gift.int.test: a combo of 1, 2, 1, 3 announced for 1, 2, 3, 1).
-- The indexes on the column are rebuilt with it.
ALTER TABLE "GiftEvent" ALTER COLUMN "createdAt" SET DATA TYPE TIMESTAMP(6);
