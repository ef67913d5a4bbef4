package dev.gatehouse.it.e2e;

import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebDriver;

/** A browser test: a fresh headless Chromium per test ({@link Chromium}), its driver and the page helpers. */
@ExtendWith(ItServerReady.class)
abstract class BrowserTest {

    @RegisterExtension
    final Chromium chromium = new Chromium();

    WebDriver driver;
    Pages pages;

    @BeforeEach
    void onPages() {
        driver = chromium.driver();
        pages = new Pages(driver);
    }
}
