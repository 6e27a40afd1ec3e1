-- AlterTable
ALTER TABLE "User" ADD COLUMN     "banReason" TEXT,
ADD COLUMN     "bannedAt" TIMESTAMP(3),
ADD COLUMN     "bannedUntil" TIMESTAMP(3),
ADD COLUMN     "mutedAt" TIMESTAMP(3),
ADD COLUMN     "mutedUntil" TIMESTAMP(3),
ADD COLUMN     "sessionVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "reason" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteSample" (
    "at" TIMESTAMP(3) NOT NULL,
    "viewers" INTEGER NOT NULL,
    "liveShows" INTEGER NOT NULL,

    CONSTRAINT "SiteSample_pkey" PRIMARY KEY ("at")
);

-- CreateTable
CREATE TABLE "ShowSample" (
    "showId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "viewers" INTEGER NOT NULL,

    CONSTRAINT "ShowSample_pkey" PRIMARY KEY ("showId","at")
);

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "AuditEntry_action_at_idx" ON "AuditEntry"("action", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_targetType_targetId_at_idx" ON "AuditEntry"("targetType", "targetId", "at");

-- CreateIndex
CREATE INDEX "ShowSample_at_idx" ON "ShowSample"("at");

-- CreateIndex
CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");

-- CreateIndex
CREATE INDEX "Show_startedAt_idx" ON "Show"("startedAt");

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShowSample" ADD CONSTRAINT "ShowSample_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written (Prisma cannot express these):
-- Search users and the audit log by any part of a name, email, label or reason (ILIKE with
-- wildcards on both sides): trigram indexes (pg_trgm ships with the PostgreSQL contrib modules).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "User_name_trgm_idx" ON "User" USING gin ("name" gin_trgm_ops);
CREATE INDEX "User_email_trgm_idx" ON "User" USING gin ("email" gin_trgm_ops);
CREATE INDEX "AuditEntry_targetLabel_trgm_idx" ON "AuditEntry" USING gin ("targetLabel" gin_trgm_ops);
CREATE INDEX "AuditEntry_reason_trgm_idx" ON "AuditEntry" USING gin ("reason" gin_trgm_ops);

-- The audit log is append-only: no path in the app updates or deletes it, and the database
-- refuses it from anywhere else too (including TRUNCATE).
-- The body is one E-string with its semicolon written as the octal escape 073: the Prisma
-- migration engine splits scripts at every semicolon, even inside dollar quotes.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''audit entries cannot be changed or deleted'' USING ERRCODE = ''insufficient_privilege''\073 END';
CREATE TRIGGER "AuditEntry_no_update_delete" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_entry_is_append_only"();
