-- CreateEnum
CREATE TYPE "ReportOutcome" AS ENUM ('DISMISSED', 'MESSAGE_DELETED', 'USER_MUTED', 'USER_BANNED', 'SHOW_ENDED');

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "outcome" "ReportOutcome";

-- Hand-written: a handled report says how it was handled, an open one does not.
ALTER TABLE "Report" ADD CONSTRAINT "Report_outcome_check" CHECK (("status" = 'OPEN') = ("outcome" IS NULL));
