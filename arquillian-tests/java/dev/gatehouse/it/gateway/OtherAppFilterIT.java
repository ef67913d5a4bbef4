package dev.gatehouse.it.gateway;

import dev.gatehouse.gateway.client.DecisionsClientFilter;
import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import dev.gatehouse.it.support.ItServerReady;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Another application on the same Liberty, protected by Gatehouse's rules through {@link DecisionsClientFilter}
 * mapped in its own {@code web.xml}, as a user of the decisions-filter jar does: the app sees the rule's
 * {@code X-User}, never the caller's; a request without a rule's permission never reaches it; a Gatehouse that
 * cannot be asked means 503, not an open door.
 */
@ExtendWith({ItServerReady.class, ArquillianExtension.class})
class OtherAppFilterIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        String decisions = ItServer.get().uri("/decisions").toString();
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter><filter-name>gatehouse</filter-name>
                    <filter-class>dev.gatehouse.gateway.client.DecisionsClientFilter</filter-class>
                    <init-param><param-name>decisions-url</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>gatehouse</filter-name><url-pattern>/app/*</url-pattern></filter-mapping>
                  <filter><filter-name>gatehouse-unreachable</filter-name>
                    <filter-class>dev.gatehouse.gateway.client.DecisionsClientFilter</filter-class>
                    <init-param><param-name>decisions-url</param-name><param-value>http://127.0.0.1:1/decisions</param-value></init-param>
                    <init-param><param-name>timeout</param-name><param-value>500</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>gatehouse-unreachable</filter-name><url-pattern>/down/*</url-pattern></filter-mapping>
                  <servlet><servlet-name>legacy</servlet-name><servlet-class>dev.gatehouse.it.gateway.LegacyAppServlet</servlet-class></servlet>
                  <servlet-mapping><servlet-name>legacy</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>
                </web-app>
                """.formatted(decisions);
        return ShrinkWrap.create(WebArchive.class, "legacy-app.war")
                .addClasses(DecisionsClientFilter.class, LegacyAppServlet.class)
                .setWebXML(new StringAsset(webXml));
    }

    @ArquillianResource
    URL app;

    @BeforeAll
    static void rules() {
        GatewayRules.install("other-app-it.json", """
                [
                  {"id": "legacy-public", "match": {"url": "http://<[^/]+>/legacy-app/app/public", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}]},
                  {"id": "legacy-private", "match": {"url": "http://<[^/]+>/legacy-app/app/private", "methods": ["GET", "POST"]},
                   "authenticators": [{"handler": "bearer_token"}], "authorizer": {"handler": "allow"},
                   "mutators": [{"handler": "header", "config": {"headers": {"X-User": "{{ print .Subject }}"}}}],
                   "errors": [{"handler": "json"}]},
                  {"id": "legacy-down", "match": {"url": "http://<[^/]+>/legacy-app/down/public", "methods": ["GET"]},
                   "authenticators": [{"handler": "anonymous"}], "authorizer": {"handler": "allow"}, "mutators": [{"handler": "noop"}]}
                ]
                """, "legacy-down");
    }

    private Http.Response call(String method, String path, String... headers) {
        Http h = Http.method(method, app.getPath().replaceAll("/$", "") + path);
        for (int i = 0; i < headers.length; i += 2) {
            h.header(headers[i], headers[i + 1]);
        }
        return h.send();
    }

    @Test
    void publicWhenCallerForgesXUserThenAppSeesTheRulesValue() {
        Http.Response r = call("GET", "/app/public", "X-User", "admin");

        assertEquals(200, r.status(), r.toString());
        assertEquals("legacy-app reached by GET as anonymous", r.body());
    }

    @Test
    void privateWhenSessionTokenThenAppSeesTheIdentity() {
        DecisionsApiIT.SignedUp me = DecisionsApiIT.SignedUp.create();

        Http.Response r = call("POST", "/app/private", "Authorization", "Bearer " + me.token(), "X-User", "admin");

        assertEquals(200, r.status(), r.toString());
        assertEquals("legacy-app reached by POST as " + me.id(), r.body());
    }

    @Test
    void privateWhenNoCredentialThenGatehousesJson401AndAppNotReached() {
        Http.Response r = call("GET", "/app/private", "Accept", "application/json");

        assertEquals(401, r.status(), r.toString());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        assertFalse(r.body().contains("legacy-app reached"), r.body());
    }

    @Test
    void pathWithoutRuleThen404AndAppNotReached() {
        Http.Response r = call("GET", "/app/other");

        assertEquals(404, r.status(), r.toString());
        assertFalse(r.body().contains("legacy-app reached"), r.body());
    }

    @Test
    void decisionsApiUnreachableThen503AndAppNotReached() {
        Http.Response r = call("GET", "/down/public");

        assertEquals(503, r.status(), r.toString());
        assertFalse(r.body().contains("legacy-app reached"), r.body());
    }
}
