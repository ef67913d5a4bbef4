package dev.gatehouse.platform.ui;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ProblemWriter;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * A form post whose view cannot be restored (its session ended, or the view state was forged or replayed from
 * another session) is refused as a 403 problem, as a wrong CSRF token is, rather than escaping as a 500: Faces'
 * server-side view state is tied to the session, so it is the form's second CSRF check.
 */
public class ViewExpiredHandlerFactory extends ExceptionHandlerFactory {

    public ViewExpiredHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                while (t instanceof FacesException && !(t instanceof ViewExpiredException) && t.getCause() != null) {
                    t = t.getCause();
                }
                if (t instanceof ViewExpiredException) {
                    events.remove();
                    refuse(FacesContext.getCurrentInstance());
                }
            }
            getWrapped().handle();
        }

        private static void refuse(FacesContext faces) {
            HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
            if (!response.isCommitted()) {
                try {
                    ProblemWriter.write((HttpServletRequest) faces.getExternalContext().getRequest(), response, ApiError.FORBIDDEN,
                            "This form is no longer valid; open the page again");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            faces.responseComplete();
        }
    }
}
