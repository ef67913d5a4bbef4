package dev.gatehouse.session.api;

import dev.gatehouse.session.AalNotSatisfied;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A session below the required assurance level goes out in Kratos' {@code session_aal2_required} shape. */
@Provider
public class AalNotSatisfiedMapper implements ExceptionMapper<AalNotSatisfied> {

    @Override
    public Response toResponse(AalNotSatisfied e) {
        return e.toResponse();
    }
}
