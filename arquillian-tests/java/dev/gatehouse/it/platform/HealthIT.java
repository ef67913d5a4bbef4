package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ItServerReady.class)
class HealthIT {

    @Test
    void readyWhenDatabaseMigratedThenUpWithDatabaseCheck() {
        Http.Response r = Http.get("/health/ready").send();

        assertEquals(200, r.status(), r.toString());
        JsonObject body = r.jsonObject();
        assertEquals("UP", body.getString("status"));
        JsonObject db = body.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", db.getString("status"));
        assertTrue(db.getJsonObject("data").getBoolean("migrated"));
        assertEquals(dev.gatehouse.it.support.Migrations.latest(), db.getJsonObject("data").getString("schema_version"));
    }

    @Test
    void liveThenUp() {
        Http.Response r = Http.get("/health/live").send();

        assertEquals(200, r.status(), r.toString());
        assertEquals("UP", r.jsonObject().getString("status"));
    }

    @Test
    void versionThenJsonWithVersion() {
        Http.Response r = Http.get("/version").send();

        assertEquals(200, r.status());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertEquals("gatehouse", r.jsonObject().getString("name"));
        assertTrue(r.jsonObject().getString("version").matches("\\d+\\.\\d+\\.\\d+.*"), r.body());
    }
}
