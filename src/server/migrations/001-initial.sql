-- Selaras server schema, version 1. Ids are text (random UUIDs made by the server); secrets
-- (session and invite tokens) are stored only as their SHA-256 in hex.

CREATE TABLE users (
  id text PRIMARY KEY,
  name text NOT NULL,
  email text,
  password_hash text NOT NULL,
  admin boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_name_ci ON users (lower(name));
CREATE UNIQUE INDEX users_email_ci ON users (lower(email)) WHERE email IS NOT NULL;

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Sign-in attempts, for the rate limit (in the database so server processes stay stateless).
CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  login text NOT NULL,
  ip text NOT NULL,
  success boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_login ON login_attempts (login, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE projects (
  id text PRIMARY KEY,
  name text NOT NULL,
  version bigint NOT NULL DEFAULT 0,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'translator', 'reviewer', 'viewer')),
  -- A JSON array of target languages ("vi", "en") a translator may write; null = all.
  langs jsonb,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX members_user ON members (user_id);

CREATE TABLE invites (
  token_hash text PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('owner', 'translator', 'reviewer', 'viewer')),
  langs jsonb,
  created_by text REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by text REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX invites_project ON invites (project_id);

-- The synced records of every project (src/core/sync): the latest state of each, stamped with the
-- project version at which it last changed. A deleted record stays as a tombstone (data null).
CREATE TABLE records (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  tbl text NOT NULL,
  key text NOT NULL,
  doc_id text,
  data jsonb,
  version bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  PRIMARY KEY (project_id, tbl, key)
);
CREATE INDEX records_version ON records (project_id, version);
CREATE INDEX records_doc ON records (project_id, doc_id);

-- The highest mutation id handled per client and project (pushes are idempotent).
CREATE TABLE client_mutations (
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  user_id text REFERENCES users (id) ON DELETE SET NULL,
  last_mutation_id bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, client_id)
);

-- One row per handled mutation: the audit trail (who did what when, and how it ended).
CREATE TABLE change_log (
  id bigserial PRIMARY KEY,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  version bigint NOT NULL,
  client_id text NOT NULL,
  mutation_id bigint NOT NULL,
  user_id text REFERENCES users (id) ON DELETE SET NULL,
  doc_id text,
  label text NOT NULL,
  -- The client's clock, as sent (ISO 8601).
  at text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  outcome text NOT NULL,
  code text
);
CREATE INDEX change_log_project ON change_log (project_id, version);

-- Who is where (live presence), shared by every server process; rows older than 30 s are gone.
CREATE TABLE presence (
  client_id text NOT NULL,
  project_id text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL,
  doc_id text,
  cell jsonb,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, client_id)
);
