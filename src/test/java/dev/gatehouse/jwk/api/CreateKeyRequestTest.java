package dev.gatehouse.jwk.api;

import dev.gatehouse.jwk.SigningAlgorithm;
import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CreateKeyRequestTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String refusedField(String body) {
        ApiException e = assertThrows(ApiException.class, () -> CreateKeyRequest.parse(json(body)));
        assertEquals(ApiError.MALFORMED_REQUEST, e.error());
        return e.fieldErrors().get(0).field();
    }

    @Test
    void parseWhenHydraShapeThenAlgAndKid() {
        assertEquals(new CreateKeyRequest(SigningAlgorithm.ES256, Optional.of("k-1")),
                CreateKeyRequest.parse(json("{\"alg\":\"ES256\",\"kid\":\"k-1\",\"use\":\"sig\"}")));
        assertEquals(new CreateKeyRequest(SigningAlgorithm.RS256, Optional.empty()),
                CreateKeyRequest.parse(json("{\"alg\":\"RS256\",\"use\":\"sig\"}")));
    }

    @Test
    void parseWhenSymmetricOrUnknownAlgThenAlgRefused() {
        assertEquals("alg", refusedField("{\"alg\":\"HS256\",\"use\":\"sig\"}"));
        assertEquals("alg", refusedField("{\"alg\":\"none\",\"use\":\"sig\"}"));
        assertEquals("alg", refusedField("{\"alg\":\"rs256\",\"use\":\"sig\"}"));
        assertEquals("alg", refusedField("{\"alg\":\"ES512\",\"use\":\"sig\"}"));
        assertEquals("alg", refusedField("{\"use\":\"sig\"}"));
        assertEquals("alg", refusedField("{\"alg\":256,\"use\":\"sig\"}"));
    }

    @Test
    void parseWhenUseNotSigThenUseRefused() {
        assertEquals("use", refusedField("{\"alg\":\"RS256\",\"use\":\"enc\"}"));
        assertEquals("use", refusedField("{\"alg\":\"RS256\"}"));
    }

    @Test
    void parseWhenKidHostileThenKidRefused() {
        assertEquals("kid", refusedField("{\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"../../etc\"}"));
        assertEquals("kid", refusedField("{\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"" + "k".repeat(65) + "\"}"));
        assertEquals("kid", refusedField("{\"alg\":\"RS256\",\"use\":\"sig\",\"kid\":\"a b\"}"));
    }
}
