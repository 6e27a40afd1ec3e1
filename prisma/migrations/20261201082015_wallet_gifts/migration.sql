-- CreateEnum
CREATE TYPE "LedgerAccountKind" AS ENUM ('WALLET', 'EARNINGS', 'PLATFORM', 'TOP_UP', 'GRANTS');

-- CreateEnum
CREATE TYPE "LedgerTransferKind" AS ENUM ('TOP_UP', 'GRANT', 'GIFT');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'COMPLETED', 'FAILED');

-- CreateEnum
CREATE TYPE "GiftAnimation" AS ENUM ('FLOAT', 'SWAY', 'SPIN', 'BOUNCE', 'FIREWORKS', 'ROCKET', 'CROWN');

-- CreateTable
CREATE TABLE "LedgerAccount" (
    "id" TEXT NOT NULL,
    "kind" "LedgerAccountKind" NOT NULL,
    "userId" TEXT,
    "balance" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerTransfer" (
    "id" TEXT NOT NULL,
    "kind" "LedgerTransferKind" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerTransfer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" BIGSERIAL NOT NULL,
    "transferId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "memo" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "packageId" TEXT NOT NULL,
    "coins" INTEGER NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "providerRef" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "transferId" TEXT,

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Gift" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "price" INTEGER NOT NULL,
    "icon" TEXT NOT NULL,
    "animation" "GiftAnimation" NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Gift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GiftEvent" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "senderId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "giftId" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "unitPrice" INTEGER NOT NULL,
    "coins" INTEGER NOT NULL,
    "hostCoins" INTEGER NOT NULL,
    "platformCoins" INTEGER NOT NULL,
    "combo" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "senderBalance" INTEGER NOT NULL,
    "transferId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GiftEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShowGifter" (
    "showId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gifts" INTEGER NOT NULL,
    "coins" INTEGER NOT NULL,
    "hostCoins" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShowGifter_pkey" PRIMARY KEY ("showId","userId")
);

-- CreateTable
CREATE TABLE "HostGifter" (
    "hostId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "gifts" INTEGER NOT NULL,
    "coins" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostGifter_pkey" PRIMARY KEY ("hostId","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerAccount_userId_kind_key" ON "LedgerAccount"("userId", "kind");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_id_idx" ON "LedgerEntry"("accountId", "id");

-- CreateIndex
CREATE INDEX "LedgerEntry_transferId_idx" ON "LedgerEntry"("transferId");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_transferId_key" ON "Payment"("transferId");

-- CreateIndex
CREATE INDEX "Payment_userId_createdAt_idx" ON "Payment"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_provider_providerRef_key" ON "Payment"("provider", "providerRef");

-- CreateIndex
CREATE UNIQUE INDEX "GiftEvent_transferId_key" ON "GiftEvent"("transferId");

-- CreateIndex
CREATE INDEX "GiftEvent_showId_createdAt_idx" ON "GiftEvent"("showId", "createdAt");

-- CreateIndex
CREATE INDEX "GiftEvent_senderId_showId_createdAt_idx" ON "GiftEvent"("senderId", "showId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GiftEvent_senderId_idempotencyKey_key" ON "GiftEvent"("senderId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "ShowGifter_showId_coins_idx" ON "ShowGifter"("showId", "coins");

-- CreateIndex
CREATE INDEX "HostGifter_hostId_coins_idx" ON "HostGifter"("hostId", "coins");

-- AddForeignKey
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "LedgerTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "LedgerAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "LedgerTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftEvent" ADD CONSTRAINT "GiftEvent_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftEvent" ADD CONSTRAINT "GiftEvent_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftEvent" ADD CONSTRAINT "GiftEvent_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftEvent" ADD CONSTRAINT "GiftEvent_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "Gift"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GiftEvent" ADD CONSTRAINT "GiftEvent_transferId_fkey" FOREIGN KEY ("transferId") REFERENCES "LedgerTransfer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowGifter" ADD CONSTRAINT "ShowGifter_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowGifter" ADD CONSTRAINT "ShowGifter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostGifter" ADD CONSTRAINT "HostGifter_hostId_fkey" FOREIGN KEY ("hostId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostGifter" ADD CONSTRAINT "HostGifter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these):
-- Balances: stored for wallets only, and never below zero.
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_balance_never_negative" CHECK ("balance" IS NULL OR "balance" >= 0);
ALTER TABLE "LedgerAccount" ADD CONSTRAINT "LedgerAccount_balance_for_wallets_only" CHECK (("kind" = 'WALLET') = ("balance" IS NOT NULL));
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_not_zero" CHECK ("amount" <> 0);

-- Every transfer's entries sum to zero, checked when the transaction commits (its entries may be
-- written by more than one statement).
CREATE FUNCTION ledger_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT COALESCE(SUM("amount"), 0) FROM "LedgerEntry" WHERE "transferId" = NEW."transferId") <> 0 THEN
    RAISE EXCEPTION 'ledger transfer % does not sum to zero', NEW."transferId" USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "LedgerEntry_transfer_balanced" AFTER INSERT ON "LedgerEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_transfer_balanced();

-- The ledger is append-only: a mistake is corrected by a new transfer, never by editing history.
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry" FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER "LedgerTransfer_append_only" BEFORE UPDATE OR DELETE ON "LedgerTransfer" FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

ALTER TABLE "Payment" ADD CONSTRAINT "Payment_positive" CHECK ("coins" > 0 AND "priceCents" >= 0);
ALTER TABLE "Gift" ADD CONSTRAINT "Gift_price_positive" CHECK ("price" > 0);
ALTER TABLE "GiftEvent" ADD CONSTRAINT "GiftEvent_amounts" CHECK (
  "count" > 0 AND "unitPrice" > 0 AND "coins" = "unitPrice" * "count"
  AND "hostCoins" >= 0 AND "platformCoins" >= 0 AND "hostCoins" + "platformCoins" = "coins" AND "combo" >= 1
);

-- The accounts that are not anybody's.
INSERT INTO "LedgerAccount" ("id", "kind") VALUES ('platform', 'PLATFORM'), ('grants', 'GRANTS'), ('top-up:test', 'TOP_UP');

-- The gift catalog to start with: 1 to 1,000 coins; the last three play full-screen.
INSERT INTO "Gift" ("id", "name", "price", "icon", "animation", "sortOrder") VALUES
  ('heart', 'Heart', 1, '/gifts/heart.svg', 'FLOAT', 10),
  ('rose', 'Rose', 9, '/gifts/rose.svg', 'SWAY', 20),
  ('star', 'Lucky star', 49, '/gifts/star.svg', 'SPIN', 30),
  ('cake', 'Cake', 99, '/gifts/cake.svg', 'BOUNCE', 40),
  ('fireworks', 'Fireworks', 199, '/gifts/fireworks.svg', 'FIREWORKS', 50),
  ('rocket', 'Rocket', 520, '/gifts/rocket.svg', 'ROCKET', 60),
  ('crown', 'Crown', 1000, '/gifts/crown.svg', 'CROWN', 70);
