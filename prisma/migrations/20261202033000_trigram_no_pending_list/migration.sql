-- Hand-written: the trigram search indexes write each new row into the index at once instead of
-- collecting rows in GIN's pending list. While that list is long (after a burst of sign-ups, until
-- autovacuum merges it) every search reads the whole list and the planner gives the indexes up for a
-- sequential ILIKE scan: measured in bench:admin with 10,000 fresh users, the users search's count
-- took 22–34 ms that way and 0.4–0.6 ms once the list was merged. Inserts here are rare (accounts,
-- operator actions), so paying for the index on each one is the cheaper side.
ALTER INDEX "User_name_trgm_idx" SET (fastupdate = off);
ALTER INDEX "User_email_trgm_idx" SET (fastupdate = off);
ALTER INDEX "AuditEntry_targetLabel_trgm_idx" SET (fastupdate = off);
ALTER INDEX "AuditEntry_reason_trgm_idx" SET (fastupdate = off);
-- What is already pending is merged now, not left for autovacuum.
SELECT gin_clean_pending_list('"User_name_trgm_idx"'::regclass), gin_clean_pending_list('"User_email_trgm_idx"'::regclass),
       gin_clean_pending_list('"AuditEntry_targetLabel_trgm_idx"'::regclass), gin_clean_pending_list('"AuditEntry_reason_trgm_idx"'::regclass);
