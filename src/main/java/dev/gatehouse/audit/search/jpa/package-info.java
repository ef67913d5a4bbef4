/** Saved searches of the audit log and their versions, kept with JPA ({@code audit_search}, {@code audit_search_version}). */
package dev.gatehouse.audit.search.jpa;
