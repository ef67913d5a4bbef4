/**
 * JPA persistence of tenants and their registered host names.
 */
package dev.gatehouse.tenant.jpa;
