package dev.gatehouse.platform.ui;

import dev.gatehouse.kernel.RequestAttributes;
import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;

/**
 * Keeps a Faces form inside its tenant: a page reached as {@code /t/{tenant}/ui/...} was forwarded by the tenant
 * filter, so Faces would post its form to {@code /ui/...}, the default tenant's; this puts the prefix back in front
 * of the action URL.
 */
public class TenantViewHandler extends ViewHandlerWrapper {

    public TenantViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public String getActionURL(FacesContext context, String viewId) {
        String url = super.getActionURL(context, viewId);
        Object prefix = context.getExternalContext().getRequestMap().get(RequestAttributes.TENANT_PREFIX);
        if (prefix == null) {
            return url;
        }
        String contextPath = context.getExternalContext().getRequestContextPath();
        return url.startsWith(contextPath) ? contextPath + prefix + url.substring(contextPath.length()) : url;
    }
}
