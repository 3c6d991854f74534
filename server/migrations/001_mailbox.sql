-- Up Migration
-- One EPCI (intercommunalité) and its mailbox. public_key: the SPKI of the P-256 key made on the EPCI's device,
-- base64; key_id: base64url SHA-256 of that SPKI, written in every envelope's header.
CREATE TABLE epci (
  id bigserial PRIMARY KEY,
  siren text NOT NULL UNIQUE,
  name text NOT NULL,
  public_key text,
  key_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The EPCI's chargé(e) de mission. password_hash: scrypt, self-describing (see server/src/secrets.ts).
CREATE TABLE account (
  id bigserial PRIMARY KEY,
  epci_id bigint NOT NULL REFERENCES epci (id),
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The one-time secret printed at first start; only its SHA-256 is kept.
CREATE TABLE setup_secret (
  id smallint PRIMARY KEY CHECK (id = 1),
  secret_hash bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  used_at timestamptz
);

-- Bearer tokens, stored as SHA-256 of 32 random bytes: 'session' for an account, 'device' for a commune's device.
CREATE TABLE token (
  id bigserial PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('session', 'device')),
  epci_id bigint NOT NULL REFERENCES epci (id),
  account_id bigint REFERENCES account (id),
  insee text,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz,
  CHECK ((kind = 'session') = (account_id IS NOT NULL)),
  CHECK ((kind = 'device') = (insee IS NOT NULL))
);

-- One-time, expiring invitation codes for one member commune; only the code's SHA-256 is kept.
CREATE TABLE invitation (
  id bigserial PRIMARY KEY,
  code_hash bytea NOT NULL UNIQUE,
  epci_id bigint NOT NULL REFERENCES epci (id),
  insee text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_token_id bigint REFERENCES token (id)
);

-- The mailbox: one row per (EPCI, commune, audit), the latest version only. seq is the pull cursor: it takes a new
-- value from the sequence whenever the row changes (a newer version, a withdrawal), so "what is new since my last
-- pull" is seq > last. envelope is the encrypted file as the commune's device sent it; null once withdrawn.
CREATE SEQUENCE envelope_seq;
CREATE TABLE envelope (
  epci_id bigint NOT NULL REFERENCES epci (id),
  insee text NOT NULL,
  audit_id text NOT NULL,
  version_date timestamptz NOT NULL,
  size integer NOT NULL,
  envelope bytea,
  seq bigint NOT NULL DEFAULT nextval('envelope_seq'),
  received_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  PRIMARY KEY (epci_id, insee, audit_id)
);
CREATE UNIQUE INDEX envelope_pull ON envelope (epci_id, seq);

-- Down Migration
DROP TABLE envelope;
DROP SEQUENCE envelope_seq;
DROP TABLE invitation;
DROP TABLE token;
DROP TABLE setup_secret;
DROP TABLE account;
DROP TABLE epci;
