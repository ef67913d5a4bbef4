/** {@code /admin/audit}: the audit log's query and export API and the chain's verification, scoped to the request's tenant. */
package dev.gatehouse.audit.api;
