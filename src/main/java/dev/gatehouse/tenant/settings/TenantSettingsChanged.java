package dev.gatehouse.tenant.settings;

import dev.gatehouse.kernel.tenant.TenantId;

/** Fired when a tenant's settings were changed on this node; observed once the change is committed. */
public record TenantSettingsChanged(TenantId tenant) {
}
