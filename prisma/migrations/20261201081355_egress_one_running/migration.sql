-- Hand-written (Prisma cannot express partial indexes):
-- One running output per kind per show, enforced by the database even under concurrent starts.
-- A start takes this slot with a placeholder row before it calls Egress.
-- Rows stuck in a running state by an earlier bug are closed first, so the index can be built.
UPDATE "Egress" e SET status = 'FAILED', error = 'Closed by a migration: another output of this kind was running', "endedAt" = now()
WHERE status IN ('STARTING', 'ACTIVE', 'ENDING')
  AND EXISTS (
    SELECT 1 FROM "Egress" o
    WHERE o."showId" = e."showId" AND o.kind = e.kind AND o.status IN ('STARTING', 'ACTIVE', 'ENDING')
      AND (o."startedAt", o.id) > (e."startedAt", e.id)
  );

CREATE UNIQUE INDEX "Egress_one_running_per_kind" ON "Egress"("showId", "kind") WHERE status IN ('STARTING', 'ACTIVE', 'ENDING');
