package dev.gatehouse.it.e2e;

import dev.gatehouse.it.e2e.ConsoleUsers.Person;
import dev.gatehouse.it.support.Http;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.gatehouse.it.e2e.ConsoleUsers.person;
import static dev.gatehouse.it.e2e.ConsoleUsers.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console by keyboard alone and at 200% zoom: the skip link comes first, Tab reaches every control in the page's
 * order, Enter presses a button, every field has a label, and no page scrolls sideways in half the window's width.
 */
class AdminConsoleKeyboardBrowserIT extends BrowserTest {

    private static final String IDENTITY = "/ui/console/identity.xhtml";

    /** The controls Tab should reach, in document order, each marked with its place ({@code data-kb}). */
    private static final String MARK_CONTROLS = "const all = [...document.querySelectorAll("
            + "'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex=\"-1\"])')]"
            + ".filter(e => !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');"
            + "all.forEach((e, i) => e.setAttribute('data-kb', i)); return all.length;";

    /** Fields (not buttons) with neither a label nor an accessible name of their own, as "tag#id name". */
    private static final String UNLABELLED = "return [...document.querySelectorAll('input, select, textarea')]"
            + ".filter(e => !['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type))"
            + ".filter(e => !(e.labels && e.labels.length > 0) && !(e.getAttribute('aria-label') || '').trim()"
            + " && !(e.getAttribute('aria-labelledby') || '').trim())"
            + ".map(e => e.tagName.toLowerCase() + '#' + e.id + ' ' + e.name);";

    @Test
    void adminWhenUsesOnlyTheKeyboardThenSkipLinkFirstTabFollowsThePageAndEnterSearches() {
        Person target = person("", null);
        signIn(pages, person("", "admin"));
        pages.open(IDENTITY + "?id=" + target.id());
        pages.await(By.id("identity-id"));
        assertEquals(List.of(), pages.script(UNLABELLED));

        int controls = ((Number) pages.script(MARK_CONTROLS)).intValue();
        assertTrue(controls > 10, "the identity page has its controls: " + controls);
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < controls; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            reached.add(String.valueOf(pages.script("return document.activeElement.getAttribute('data-kb');")));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < controls; i++) {
            expected.add(String.valueOf(i));
        }
        assertEquals(expected, reached, "Tab reaches every control once, in the page's order");
        assertEquals("skip", pages.script("return document.querySelector(\"[data-kb='0']\").className;"), "the skip link comes first");

        pages.open(ConsoleUsers.IDENTITIES);
        pages.await(By.id("search-q"));
        new Actions(driver).sendKeys(Keys.TAB).perform();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        pages.until(d -> "content".equals(pages.script("return document.activeElement.id;")));
        assertTrue(driver.getCurrentUrl().endsWith("#content"), "the skip link moved focus to the main content");
        for (int i = 0; i < 30 && !"search-q".equals(pages.script("return document.activeElement.id;")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        new Actions(driver).sendKeys(target.email()).perform();
        for (int i = 0; i < 5 && !"search-go".equals(pages.script("return document.activeElement.id;")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals("search-go", pages.script("return document.activeElement.id;"));
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        pages.await(By.cssSelector("tr.identity-row[data-id='" + target.id() + "']"));
        assertEquals(1, driver.findElements(By.cssSelector("tr.identity-row")).size());
    }

    @Test
    void adminWhenZoomedTo200PercentThenNoConsolePageScrollsSidewaysAndEveryFieldHasALabel() {
        Person target = person("", null);
        String client = "zoom-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = Http.post("/admin/clients").admin().json("{\"client_id\":\"" + client
                + "\",\"client_name\":\"Zoom\",\"grant_types\":[\"client_credentials\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}").send();
        assertEquals(201, created.status(), created.toString());
        signIn(pages, person("", "admin"));
        Dimension full = driver.manage().window().getSize();
        // 200% zoom leaves half the CSS pixels of the window's width
        driver.manage().window().setSize(new Dimension(full.getWidth() / 2, full.getHeight()));

        List<String> overflowing = new ArrayList<>();
        for (String page : List.of("identities.xhtml", "identity.xhtml?id=" + target.id(), "clients.xhtml", "client.xhtml?id=" + client,
                "keys.xhtml", "rules.xhtml", "rule.xhtml", "rule-trial.xhtml", "courier.xhtml")) {
            pages.open("/ui/console/" + page);
            pages.await(By.tagName("h1"));
            assertEquals(List.of(), pages.script(UNLABELLED), page);
            long scrollWidth = ((Number) pages.script("return document.documentElement.scrollWidth;")).longValue();
            long innerWidth = ((Number) pages.script("return window.innerWidth;")).longValue();
            if (scrollWidth > innerWidth) {
                overflowing.add(page + " " + scrollWidth + " > " + innerWidth);
            }
            ConsoleUsers.screenshot(driver, "zoom-200-" + page.replaceAll("\\.xhtml.*", ""));
        }
        assertEquals(List.of(), overflowing, "pages wider than the zoomed window");
    }
}
