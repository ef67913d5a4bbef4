package dev.gatehouse.admin.console.clients;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ClientFormTest {

    @Test
    void jsonWhenListsTypedWithSpacesCommasAndLineBreaksThenArraysAndOneSpacedScope() {
        ClientForm form = new ClientForm();
        form.getValues().put("grant_types", " authorization_code,refresh_token ");
        form.getValues().put("redirect_uris", "https://a.example/cb\nhttps://b.example/cb");
        form.getValues().put("scope", "openid   offline_access");
        form.getValues().put("client_name", "  App ");
        JsonObject json = form.json(JsonValue.EMPTY_JSON_OBJECT);
        assertEquals("[\"authorization_code\",\"refresh_token\"]", json.getJsonArray("grant_types").toString());
        assertEquals("[\"https://a.example/cb\",\"https://b.example/cb\"]", json.getJsonArray("redirect_uris").toString());
        assertEquals("openid offline_access", json.getString("scope"));
        assertEquals("App", json.getString("client_name"));
        assertFalse(json.containsKey("client_id"), "an empty field is left out");
    }

    @Test
    void formWhenFilledFromAClientAndSavedThenTheSameFieldsAndTheRestKept() {
        JsonObject stored = Json.createObjectBuilder().add("client_id", "c1").add("client_name", "App")
                .add("grant_types", Json.createArrayBuilder().add("client_credentials"))
                .add("scope", "openid").add("token_endpoint_auth_method", "client_secret_post")
                .add("skip_consent", true).build();
        ClientForm form = ClientForm.of(stored);
        assertEquals("client_credentials", form.getValues().get("grant_types"));
        form.getValues().put("client_name", "Renamed");
        form.getValues().put("scope", "");
        JsonObject saved = form.json(stored);
        assertEquals("Renamed", saved.getString("client_name"));
        assertEquals("c1", saved.getString("client_id"));
        assertEquals("client_secret_post", saved.getString("token_endpoint_auth_method"));
        assertEquals(true, saved.getBoolean("skip_consent"));
        assertFalse(saved.containsKey("scope"), "a field emptied is left to its default");
    }
}
