package dev.gatehouse.platform.ui;

import dev.gatehouse.kernel.tenant.CurrentTenant;
import dev.gatehouse.platform.BuildInfo;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Backing bean of the home page. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    BuildInfo build;
    @Inject
    CurrentTenant tenant;

    public String getVersion() {
        return build.version();
    }

    public String getTenantId() {
        return tenant.isResolved() ? tenant.id().value() : "default";
    }

    public String getTenantName() {
        return tenant.isResolved() ? tenant.displayName() : "Default";
    }
}
