package dev.gatehouse.audit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DevicesTest {

    private final Devices devices = new Devices();

    @Test
    void parseWhenDesktopChromeThenDesktopWindowsChrome() {
        Devices.Device d = devices.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/120.0.0.0 Safari/537.36");
        assertEquals(new Devices.Device("desktop", "Windows", "Chrome 120"), d);
    }

    @Test
    void parseWhenIphoneSafariThenMobileIos() {
        Devices.Device d = devices.parse("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1");
        assertEquals("mobile", d.deviceClass());
        assertEquals("iOS", d.os());
        assertEquals("Mobile Safari 17", d.browser());
    }

    @Test
    void parseWhenIpadThenTablet() {
        Devices.Device d = devices.parse("Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1");
        assertEquals("tablet", d.deviceClass());
    }

    @Test
    void parseWhenCrawlerThenBot() {
        assertEquals("bot", devices.parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").deviceClass());
    }

    @Test
    void parseWhenCommandLineClientThenOther() {
        Devices.Device d = devices.parse("curl/8.4.0");
        assertEquals("other", d.deviceClass());
        assertEquals("curl 8", d.browser());
    }

    @Test
    void parseWhenNoUserAgentThenNothing() {
        assertNull(devices.parse(null).deviceClass());
        assertNull(devices.parse(" ").deviceClass());
    }
}
