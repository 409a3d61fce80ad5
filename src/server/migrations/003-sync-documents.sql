-- Which project each synced document belongs to: claimed by the first push that writes it, so a
-- document never lives in two projects (two projects sharing one document id at the same moment:
-- the second insert waits for the first transaction and then finds the claim).
CREATE TABLE sync_documents (
  doc_id text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE
);
CREATE INDEX sync_documents_project ON sync_documents (project_id);
INSERT INTO sync_documents (doc_id, project_id)
  SELECT DISTINCT ON (doc_id) doc_id, project_id FROM records
   WHERE doc_id IS NOT NULL
   ORDER BY doc_id, version
  ON CONFLICT DO NOTHING;
