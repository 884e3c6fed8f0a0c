-- Accounts, their department scope, sessions, API tokens and the append-only audit trail.
-- Ids are taken as max(id) + 1 inside the write queue (as uploads do), not from sequences.

-- role: admin (管理员) | reporter (填报员) | viewer (查看者). departments: the reporter's scope;
-- NULL means every department (the statistics bureau's reporters, administrators, viewers).
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username VARCHAR NOT NULL UNIQUE,
  role VARCHAR NOT NULL CHECK (role IN ('admin', 'reporter', 'viewer')),
  departments VARCHAR[],
  -- scrypt$N$r$p$salt$hash (base64url), see src/auth/password.ts.
  password_hash VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  password_changed_at TIMESTAMPTZ NOT NULL,
  disabled_at TIMESTAMPTZ
);

-- The cookie holds a random id; only its sha256 is stored, so a copy of the database opens no session.
CREATE TABLE user_session (
  id_hash VARCHAR PRIMARY KEY,
  user_id INTEGER NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  last_seen_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ,
  ip VARCHAR,
  user_agent VARCHAR
);

-- Tokens for scripts (Authorization: Bearer ...): shown once, stored as sha256, acting as their user.
CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  token_hash VARCHAR NOT NULL UNIQUE,
  user_id INTEGER NOT NULL,
  label VARCHAR NOT NULL,
  created_by VARCHAR NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ
);

-- Append-only: nothing updates or deletes a row of it. detail is JSON (old → new where it applies).
-- session_ref ties an event to its session (the first 12 hex of the session's hash), a token
-- (token:<id>) or the command line (cli).
CREATE TABLE audit_event (
  id BIGINT PRIMARY KEY,
  occurred_at TIMESTAMPTZ NOT NULL,
  actor VARCHAR,
  session_ref VARCHAR,
  ip VARCHAR,
  action VARCHAR NOT NULL,
  target VARCHAR,
  detail VARCHAR
);
