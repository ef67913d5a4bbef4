package dev.gatehouse.oauth2.authorize;

import dev.gatehouse.oauth2.OAuth2Error;
import jakarta.ws.rs.core.NewCookie;

import java.util.List;

/** Where the token server sends the browser next: a redirect (with cookies to set) or an error page. */
public sealed interface BrowserStep {

    record Go(String location, List<NewCookie> cookies) implements BrowserStep {
        public Go {
            cookies = List.copyOf(cookies);
        }
    }

    record ErrorPage(OAuth2Error error, String description) implements BrowserStep {
    }
}
