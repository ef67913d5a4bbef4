package dev.gatehouse.platform.api;

import dev.gatehouse.kernel.BodyTooLargeException;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.util.List;

/**
 * Form bodies read by JAX-RS ({@code MultivaluedMap} parameters of the OAuth 2.0 endpoints): a broken %-escape,
 * an unknown charset or a body that cannot be read (a {@code Content-Encoding} it is not) is the client's
 * malformed request, not the provider's exception; and no field may hold a NUL character, which reaches the
 * database as a lookup key.
 */
@Provider
public class FormBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() == null || !MediaType.APPLICATION_FORM_URLENCODED_TYPE.isCompatible(context.getMediaType())) {
            return context.proceed();
        }
        Object form;
        try {
            form = context.proceed();
        } catch (BodyTooLargeException e) {
            throw e;
        } catch (IllegalArgumentException | IOException e) {
            throw ApiException.malformed("The form could not be decoded: a broken %-escape, an unknown charset or an unreadable body");
        }
        if (form instanceof MultivaluedMap<?, ?> fields) {
            fields.forEach((name, values) -> {
                noNul(String.valueOf(name));
                for (Object v : (List<?>) values) {
                    noNul(String.valueOf(v));
                }
            });
        }
        return form;
    }

    private static void noNul(String s) {
        if (s.indexOf('\0') >= 0) {
            throw ApiException.malformed("A form field holds a NUL character");
        }
    }
}
