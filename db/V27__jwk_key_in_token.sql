-- Signing keys whose private half lives in a PKCS#11 token (gatehouse.jwk.signing-key-store=pkcs11): the row keeps
-- the label the token stores the key under, and no private material at all. Every other row keeps its private JWK
-- sealed under the KEK, as before; exactly one of the two is present.
ALTER TABLE jwk_key ALTER COLUMN private_ciphertext DROP NOT NULL;
ALTER TABLE jwk_key ALTER COLUMN private_iv DROP NOT NULL;
ALTER TABLE jwk_key ALTER COLUMN kek_id DROP NOT NULL;
ALTER TABLE jwk_key ADD COLUMN token_alias VARCHAR(128);
ALTER TABLE jwk_key ADD CONSTRAINT jwk_key_private_part CHECK (
    (token_alias IS NULL AND private_ciphertext IS NOT NULL AND private_iv IS NOT NULL AND kek_id IS NOT NULL)
    OR (token_alias IS NOT NULL AND private_ciphertext IS NULL AND private_iv IS NULL AND kek_id IS NULL));
