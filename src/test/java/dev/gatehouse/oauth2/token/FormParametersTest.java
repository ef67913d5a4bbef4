package dev.gatehouse.oauth2.token;

import dev.gatehouse.oauth2.OAuth2Error;
import dev.gatehouse.oauth2.OAuth2Exception;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormParametersTest {

    private static MultivaluedMap<String, String> form(String... keyValues) {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.add(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void parseWhenParameterRepeatedThenInvalidRequestNamingIt() {
        OAuth2Exception e = assertThrows(OAuth2Exception.class,
                () -> FormParameters.parse(form("grant_type", "client_credentials", "scope", "a", "scope", "b")));

        assertEquals(OAuth2Error.INVALID_REQUEST, e.error());
        assertTrue(e.description().contains("'scope'"), e.description());
    }

    @Test
    void parseWhenValueOversizedThenInvalidRequest() {
        OAuth2Exception e = assertThrows(OAuth2Exception.class,
                () -> FormParameters.parse(form("code", "x".repeat(FormParameters.MAX_VALUE_LENGTH + 1))));

        assertEquals(OAuth2Error.INVALID_REQUEST, e.error());
    }

    @Test
    void parseWhenTooManyParametersThenInvalidRequest() {
        MultivaluedMap<String, String> m = new MultivaluedHashMap<>();
        for (int i = 0; i <= FormParameters.MAX_PARAMETERS; i++) {
            m.add("p" + i, "v");
        }

        assertEquals(OAuth2Error.INVALID_REQUEST, assertThrows(OAuth2Exception.class, () -> FormParameters.parse(m)).error());
    }

    @Test
    void optionalWhenValueEmptyThenAbsent() {
        FormParameters p = FormParameters.parse(form("scope", "", "code", "c"));

        assertEquals(Optional.empty(), p.optional("scope"));
        assertEquals("c", p.required("code"));
    }

    @Test
    void requiredWhenMissingThenInvalidRequestNamingIt() {
        OAuth2Exception e = assertThrows(OAuth2Exception.class, () -> FormParameters.parse(form()).required("grant_type"));

        assertEquals(OAuth2Error.INVALID_REQUEST, e.error());
        assertTrue(e.description().contains("grant_type"));
    }

    @Test
    void parseWhenParameterNameHostileThenDescriptionCarriesNoMarkup() {
        OAuth2Exception e = assertThrows(OAuth2Exception.class,
                () -> FormParameters.parse(form("<script>", "a", "<script>", "b")));

        assertTrue(!e.description().contains("<"), e.description());
    }
}
