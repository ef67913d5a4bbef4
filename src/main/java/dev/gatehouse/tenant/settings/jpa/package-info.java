/** Persistence of tenant settings: one row per tenant and key in {@code tenant_setting}. */
package dev.gatehouse.tenant.settings.jpa;
