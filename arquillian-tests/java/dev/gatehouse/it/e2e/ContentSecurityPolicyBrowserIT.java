package dev.gatehouse.it.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gatehouse's pages under their Content-Security-Policy in Chromium: they show and work without a single violation
 * (every browser test checks that after each test), and a script someone manages to inject into a page does not run.
 */
class ContentSecurityPolicyBrowserIT extends BrowserTest {

    @Test
    void pagesWhenOpenedThenStyledAndNoViolation() {
        pages.open("/");
        pages.await(By.cssSelector("header.bar"));
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");
        pages.open("/ui/no-such-page.xhtml");
        pages.open("/oauth2/auth?response_type=code&client_id=no-such-client");
        pages.await(By.id("error"));

        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");
        assertEquals("flex", pages.script("return getComputedStyle(document.querySelector('header.bar')).display"),
                "the stylesheet of this server applies");
        assertEquals(List.of(), chromium.cspViolations());
    }

    @Test
    void inlineScriptWhenInjectedIntoAPageThenRefusedAndReported() {
        pages.open("/self-service/login/browser");
        pages.awaitPath("/ui/selfservice/login.xhtml");

        pages.script("var s = document.createElement('script'); s.textContent = 'document.body.dataset.injected = \"ran\"';"
                + " document.head.appendChild(s);");

        assertNull(driver.findElement(By.tagName("body")).getDomAttribute("data-injected"), "the injected script did not run");
        List<String> violations = chromium.cspViolations();
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("script-src 'self'"), violations.get(0));
    }
}
