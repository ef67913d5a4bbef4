/**
 * Identity schemas: JSON Schema documents with Ory Kratos' {@code "ory.sh/kratos"} extension that decide
 * which traits an identity has, which of them identify it for the password, code and WebAuthn credentials,
 * and which addresses are verified and used for recovery. {@link dev.gatehouse.identity.schema.IdentitySchemas}
 * holds the configured schemas ({@link dev.gatehouse.identity.schema.IdentitySchemaConfig}); an
 * {@link dev.gatehouse.identity.schema.IdentitySchema} validates traits into Kratos' validation messages
 * ({@link dev.gatehouse.identity.schema.TraitError}) and extracts identifiers and addresses from them.
 */
package dev.gatehouse.identity.schema;
