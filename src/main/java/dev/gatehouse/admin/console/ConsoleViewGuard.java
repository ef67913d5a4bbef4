package dev.gatehouse.admin.console;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The second lock on the console's views: a view under {@code /console/} is rendered only for a request that
 * {@link ConsoleGuardFilter} let through, whatever path spelling reached the Faces servlet; any other is a 404.
 */
public class ConsoleViewGuard implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String VIEWS = "/console/";

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (faces.getViewRoot() == null || !faces.getViewRoot().getViewId().startsWith(VIEWS)
                || faces.getExternalContext().getRequestMap().get(ConsoleGuardFilter.GUARDED) != null) {
            return;
        }
        try {
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, "Not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // the view id is known only after it was restored or created
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
