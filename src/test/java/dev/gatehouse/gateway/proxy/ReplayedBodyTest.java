package dev.gatehouse.gateway.proxy;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What the servlet behind the gateway filter reads after the {@code remote} authorizer consumed the body. */
class ReplayedBodyTest {

    /** A container request whose own body is spent: only the listed getters answer. */
    private static HttpServletRequest spent(String contentType, String query) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("getContentType", contentType);
        answers.put("getQueryString", query);
        answers.put("getCharacterEncoding", null);
        answers.put("getParameterMap", Map.of("from", new String[] {"container"}));
        return (HttpServletRequest) Proxy.newProxyInstance(ReplayedBodyTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    if (!answers.containsKey(method.getName())) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return answers.get(method.getName());
                });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void getInputStreamWhenBodyWasReadThenSameBytesAndLength() throws IOException {
        byte[] json = utf8("{\"amount\":42}");
        ReplayedBody request = new ReplayedBody(spent("application/json", null), json);

        assertArrayEquals(json, request.getInputStream().readAllBytes());
        assertEquals(json.length, request.getContentLengthLong());
        assertEquals(true, request.getInputStream().isFinished());
    }

    @Test
    void getReaderWhenBodyWasReadThenSameText() throws IOException {
        ReplayedBody request = new ReplayedBody(spent("text/plain; charset=UTF-8", null), utf8("grüße"));

        assertEquals("grüße", request.getReader().readLine());
    }

    @Test
    void getReaderWhenStreamAlreadyTakenThenIllegalState() {
        ReplayedBody request = new ReplayedBody(spent("text/plain", null), utf8("x"));
        request.getInputStream();

        assertThrows(IllegalStateException.class, request::getReader);
    }

    @Test
    void getParameterWhenFormThenQueryAndBodyParametersInOrder() {
        ReplayedBody request = new ReplayedBody(spent("application/x-www-form-urlencoded", "scope=a&x=1"),
                utf8("grant_type=client_credentials&scope=b%20c&name=%C3%BC&flag&bad=%zz"));

        assertEquals("client_credentials", request.getParameter("grant_type"));
        assertArrayEquals(new String[] {"a", "b c"}, request.getParameterValues("scope"));
        assertEquals("ü", request.getParameter("name"));
        assertEquals("", request.getParameter("flag"));
        assertNull(request.getParameter("bad"));
        assertEquals("1", request.getParameterMap().get("x")[0]);
    }

    @Test
    void getParameterWhenNotFormThenContainersOwn() {
        ReplayedBody request = new ReplayedBody(spent("application/json", "x=1"), utf8("{\"x\":2}"));

        assertEquals("container", request.getParameter("from"));
        assertNull(request.getParameter("x"));
    }
}
