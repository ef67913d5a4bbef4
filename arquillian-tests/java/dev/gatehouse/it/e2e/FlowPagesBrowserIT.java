package dev.gatehouse.it.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * How the self-service pages lay out a flow, read from the DOM in Chromium: each input once and the methods as
 * buttons of one form (as Ory's account pages do), every visible input labelled, the sign-in identifier
 * labelled with what the identity schema calls it, and a form that works from the keyboard alone.
 */
class FlowPagesBrowserIT extends BrowserTest {

    @Test
    void registrationPageWhenTwoMethodsThenOneFormWithEachTraitOnceAndOneButtonPerMethod() {
        WebElement form = onlyFormOf("registration");
        assertEquals(1, form.findElements(By.cssSelector("input[type='email']")).size(), "one e-mail input");
        assertEquals(1, form.findElements(By.name("traits.email")).size());
        assertEquals(1, form.findElements(By.name("traits.name.first")).size());
        assertEquals(1, form.findElements(By.name("csrf_token")).size());
        assertEquals(List.of("password", "code"), methodButtons(form), "a button per method, password first");
        assertEquals(List.of("password", "code"), form.findElements(By.cssSelector(".method")).stream()
                .map(m -> m.getDomAttribute("data-group")).toList());
        assertEquals("E-Mail", labelOf("node-traits-email"));
        assertEveryVisibleInputLabelled(form);
    }

    @Test
    void loginPageWhenOpenedThenIdentifierOnceAndLabelledAsTheSchemaTitlesTheIdentifierTrait() {
        WebElement form = onlyFormOf("login");
        assertEquals(1, form.findElements(By.name("identifier")).size(), "one identifier input");
        assertEquals("E-Mail", labelOf("node-identifier"), "the title of the schema's identifier trait, not \"ID\"");
        assertEquals(List.of("password", "code"), methodButtons(form));
        assertEveryVisibleInputLabelled(form);

        driver.get(driver.getCurrentUrl() + "&lang=ru");
        pages.until(d -> "ru".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertEquals("Электронная почта", labelOf("node-identifier"), "translated as the trait is on the sign-up page");
    }

    @Test
    void registrationWhenSubmittedWithTheEnterKeyThenSignedUpByPassword() {
        String email = "keys-" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
        pages.open("/self-service/registration/browser");
        pages.awaitPath("/ui/selfservice/registration.xhtml");

        pages.type("node-traits-email", email);
        pages.type("node-password", "typed without a mouse " + UUID.randomUUID().toString().substring(0, 8));
        driver.findElement(By.id("node-password")).sendKeys(Keys.ENTER);

        pages.assertSignedInAs(email);
    }

    /** Starts a browser flow of this kind and returns the one form of its page. */
    private WebElement onlyFormOf(String kind) {
        pages.open("/self-service/" + kind + "/browser");
        pages.awaitPath("/ui/selfservice/" + kind + ".xhtml");
        List<WebElement> forms = driver.findElements(By.cssSelector("#flow-" + kind + " form"));
        assertEquals(1, forms.size(), "one form");
        return forms.get(0);
    }

    private static List<String> methodButtons(WebElement form) {
        return form.findElements(By.cssSelector("button[name='method']")).stream().map(b -> b.getDomAttribute("value")).toList();
    }

    private String labelOf(String inputId) {
        List<WebElement> labels = driver.findElements(By.cssSelector("label[for='" + inputId + "']"));
        assertEquals(1, labels.size(), "one label for " + inputId);
        return labels.get(0).getText();
    }

    private void assertEveryVisibleInputLabelled(WebElement form) {
        for (WebElement input : form.findElements(By.cssSelector("input:not([type='hidden'])"))) {
            String id = input.getDomAttribute("id");
            assertFalse(id == null || id.isEmpty(), "input " + input.getDomAttribute("name") + " has an id");
            assertFalse(labelOf(id).isBlank(), "input " + id + " has a label");
            assertEquals(1, driver.findElements(By.id(input.getDomAttribute("aria-describedby"))).size(),
                    "input " + id + " is described by its messages");
        }
    }
}
