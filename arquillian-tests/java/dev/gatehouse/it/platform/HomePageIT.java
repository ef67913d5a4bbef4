package dev.gatehouse.it.platform;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ItServerReady.class)
class HomePageIT {

    @Test
    void homeWhenRequestedThenFacesPageSaysWhatGatehouseIsAndLinksEndpoints() {
        Http.Response r = Http.get("/").send();

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        assertTrue(r.body().contains("OAuth 2.0 and OpenID Connect token server"), r.body());
        assertTrue(r.body().contains("href=\"/health/ready\""));
        assertTrue(r.body().contains("href=\"/version\""));
        assertTrue(r.body().contains("gatehouse.css"), "stylesheet served through Faces resources");
    }

    @Test
    void homeWhenAcceptLanguageRussianThenRussianText() {
        Http.Response r = Http.get("/").header("Accept-Language", "ru-RU,ru;q=0.9").send();

        assertEquals(200, r.status());
        assertTrue(r.body().contains("Доступно сейчас"), r.body());
        assertTrue(r.body().matches("(?s).*<html[^>]*lang=\"ru\".*"), "page language is Russian");
    }

    @Test
    void homeWhenLangParameterChineseThenChineseTextOverAcceptLanguage() {
        Http.Response r = Http.get("/?lang=zh").header("Accept-Language", "en").send();

        assertEquals(200, r.status());
        assertTrue(r.body().contains("当前可用"), r.body());
    }

    @Test
    void homeWhenTenantPrefixThenShowsThatTenant() {
        Http.Response r = Http.get("/t/acme/").send();

        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("<code>acme</code>"), r.body());
    }
}
