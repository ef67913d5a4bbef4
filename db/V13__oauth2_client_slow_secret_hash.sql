-- A chosen client secret shorter than 32 characters (Hydra accepts 6) is kept as an argon2id PHC string
-- ($argon2id$v=19$m=...,t=...,p=...$salt$hash, about 100 characters) instead of a 64-character hex HMAC.
ALTER TABLE oauth2_client ALTER COLUMN secret_hash SET DATA TYPE VARCHAR(255);
