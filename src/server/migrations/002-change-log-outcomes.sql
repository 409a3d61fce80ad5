-- The full outcome of every handled mutation, so a resend whose first answer was lost gets the
-- same answer (a refusal's parameters, a conflict's keys).
ALTER TABLE change_log ADD COLUMN params jsonb;
ALTER TABLE change_log ADD COLUMN keys jsonb;
CREATE INDEX change_log_client ON change_log (project_id, client_id, mutation_id);
