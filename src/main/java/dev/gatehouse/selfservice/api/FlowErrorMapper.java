package dev.gatehouse.selfservice.api;

import dev.gatehouse.selfservice.FlowError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Self-service flow errors go out in Kratos' error shape. */
@Provider
public class FlowErrorMapper implements ExceptionMapper<FlowError> {

    @Override
    public Response toResponse(FlowError e) {
        return e.toResponse();
    }
}
