package dev.gatehouse.it.platform;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * The hostile values of the corpus, each with a short label for the failure report: JSON bodies that break
 * parsers (huge numbers, deep nesting, bad encodings), JSON with the right shape and the wrong contents,
 * forged JWTs, and the odd header values clients really send.
 */
final class HostilePayloads {

    /** A value with the label it is reported under. */
    record Labeled<T>(String label, T value) {
    }

    /** How many of {@link #brokenJson} come first and go to every JSON endpoint. */
    static final int ALWAYS = 5;

    private HostilePayloads() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Bodies that are not a usable JSON document, or only barely one; {@code base} is a well-formed object. */
    static List<Labeled<byte[]>> brokenJson(String base) {
        String open = base.substring(0, base.length() - 1);
        List<Labeled<byte[]>> out = new ArrayList<>();
        out.add(new Labeled<>("number-1200-digits", utf8(open + ",\"n\":" + "7".repeat(1200) + "}")));
        out.add(new Labeled<>("arrays-5000-deep", utf8("[".repeat(5_000) + "]".repeat(5_000))));
        out.add(new Labeled<>("escaped-nul", utf8(open + ",\"s\":\"a\\u0000b\"}")));
        out.add(new Labeled<>("invalid-utf8", concat(utf8(open + ",\"s\":\""), new byte[] {(byte) 0xC3, 0x28}, utf8("\"}"))));
        out.add(new Labeled<>("duplicate-member", utf8(open + ",\"n\":1,\"n\":2}")));
        out.add(new Labeled<>("number-60000-digits", utf8(open + ",\"n\":" + "9".repeat(60_000) + "}")));
        out.add(new Labeled<>("number-fraction-5000-digits", utf8(open + ",\"n\":0." + "3".repeat(5_000) + "}")));
        out.add(new Labeled<>("exponent-huge", utf8(open + ",\"n\":1e999999999}")));
        out.add(new Labeled<>("exponent-tiny", utf8(open + ",\"n\":-1E-999999999}")));
        out.add(new Labeled<>("objects-5000-deep", utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000))));
        out.add(new Labeled<>("unclosed-5000-deep", utf8("[".repeat(5_000))));
        out.add(new Labeled<>("arrays-40-deep", utf8(open + ",\"n\":" + "[".repeat(40) + "]".repeat(40) + "}")));
        out.add(new Labeled<>("overlong-utf8", concat(utf8(open + ",\"s\":\""), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}"))));
        out.add(new Labeled<>("byte-ff", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8(base))));
        out.add(new Labeled<>("bom", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(base))));
        out.add(new Labeled<>("utf16", base.getBytes(StandardCharsets.UTF_16)));
        out.add(new Labeled<>("raw-nul-in-string", concat(utf8(open + ",\"s\":\"a"), new byte[] {0}, utf8("b\"}"))));
        out.add(new Labeled<>("raw-nul-outside", concat(utf8(base), new byte[] {0})));
        out.add(new Labeled<>("raw-control-chars", utf8(open + ",\"s\":\"a\nb\tc\u0001\"}")));
        out.add(new Labeled<>("unpaired-surrogate", utf8(open + ",\"s\":\"\\ud800\"}")));
        out.add(new Labeled<>("bad-escape", utf8(open + ",\"s\":\"\\x41\"}")));
        out.add(new Labeled<>("short-unicode-escape", utf8(open + ",\"s\":\"\\u12\"}")));
        out.add(new Labeled<>("trailing-garbage", utf8(base + "x")));
        out.add(new Labeled<>("two-documents", utf8(base + base)));
        out.add(new Labeled<>("truncated", utf8(base.substring(0, base.length() - 1))));
        out.add(new Labeled<>("empty", new byte[0]));
        out.add(new Labeled<>("whitespace", utf8(" \n\t ")));
        for (String scalar : List.of("null", "[]", "\"s\"", "1", "true", "-0")) {
            out.add(new Labeled<>("top-level-" + scalar, utf8(scalar)));
        }
        out.add(new Labeled<>("comment", utf8("/* x */" + base)));
        out.add(new Labeled<>("single-quotes", utf8("{'a':'b'}")));
        out.add(new Labeled<>("nan", utf8(open + ",\"n\":NaN}")));
        out.add(new Labeled<>("infinity", utf8(open + ",\"n\":-Infinity}")));
        out.add(new Labeled<>("leading-zero", utf8(open + ",\"n\":0012}")));
        out.add(new Labeled<>("hex-number", utf8(open + ",\"n\":0x1F}")));
        out.add(new Labeled<>("string-60000", utf8(open + ",\"s\":\"" + "w".repeat(60_000) + "\"}")));
        StringBuilder wide = new StringBuilder(open);
        for (int i = 0; i < 5_000; i++) {
            wide.append(",\"k").append(i).append("\":0");
        }
        out.add(new Labeled<>("object-5000-keys", utf8(wide.append('}').toString())));
        out.add(new Labeled<>("array-20000-items", utf8(open + ",\"a\":[" + "0,".repeat(19_999) + "0]}")));
        out.add(new Labeled<>("over-body-limit", utf8(open + ",\"s\":\"" + "o".repeat(70_000) + "\"}")));
        return out;
    }

    static List<Labeled<String>> yamlRules() {
        return List.of(new Labeled<>("infinity", "- {id: .inf, version: .nan}"),
                new Labeled<>("float-overflow", "- {id: 1e999999}"),
                new Labeled<>("int-2000-digits", "- {id: " + "9".repeat(2_000) + "}"),
                new Labeled<>("deep-flow", "- " + "[".repeat(500) + "]".repeat(500)),
                new Labeled<>("deep-block", "a:\n" + " b:\n".repeat(200)),
                new Labeled<>("alias-bomb", "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]"),
                new Labeled<>("custom-tag", "- !!javax.script.ScriptEngineManager [x]"),
                new Labeled<>("nul-escape", "- {id: \"a\\0b\"}"),
                new Labeled<>("binary", "- {id: !!binary AAEC}"),
                new Labeled<>("timestamp", "- {id: 2001-12-14t21:59:43.10-05:00}"),
                new Labeled<>("tabs-and-junk", "\t- : : :\n\u0001"));
    }

    /** Odd values for a field that expects a string. */
    static List<Labeled<String>> oddValues() {
        return List.of(
                new Labeled<>("number-1100-digits", "1".repeat(1_100)),
                new Labeled<>("number-1101-digits", "1".repeat(1_101)),
                new Labeled<>("long-overflow", "9223372036854775808"),
                new Labeled<>("float-max", "1.7976931348623157e308"),
                new Labeled<>("negative-zero", "-0"),
                new Labeled<>("precise-fraction", "1.00000000000000000000000000001"),
                new Labeled<>("array", "[1,\"a\",null,{}]"),
                new Labeled<>("object", "{\"x\":{\"y\":[]}}"),
                new Labeled<>("null", "null"),
                new Labeled<>("bool", "false"),
                new Labeled<>("array-30-deep", "[".repeat(30) + "]".repeat(30)),
                new Labeled<>("string-nul", "\"a\\u0000b\""),
                new Labeled<>("string-10000", "\"" + "q".repeat(10_000) + "\""),
                new Labeled<>("string-crlf", "\"a\\r\\nX-Injected: 1\""),
                new Labeled<>("string-bidi-emoji", "\"\\u202e\\ud83d\\ude00\\u0301\""),
                new Labeled<>("string-escapes", "\"%zz%00%\""),
                new Labeled<>("string-traversal", "\"../../../../etc/passwd\""),
                new Labeled<>("string-markup", "\"<script>alert(1)</script>\""),
                new Labeled<>("string-empty", "\"\""),
                new Labeled<>("string-url", "\"http://169.254.169.254/latest/meta-data/\""));
    }

    /** One object with every field given the value; and one with every field twice (string, then the value). */
    static List<Labeled<byte[]>> oddObjects(List<String> fields) {
        List<Labeled<byte[]>> out = new ArrayList<>();
        for (Labeled<String> v : oddValues()) {
            StringBuilder all = new StringBuilder("{");
            StringBuilder twice = new StringBuilder("{");
            for (int i = 0; i < fields.size(); i++) {
                String sep = i == 0 ? "" : ",";
                all.append(sep).append('"').append(fields.get(i)).append("\":").append(v.value());
                twice.append(sep).append('"').append(fields.get(i)).append("\":\"hostile\",\"")
                        .append(fields.get(i)).append("\":").append(v.value());
            }
            out.add(new Labeled<>("all-" + v.label(), utf8(all.append('}').toString())));
            out.add(new Labeled<>("duplicate-" + v.label(), utf8(twice.append('}').toString())));
        }
        return out;
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(utf8(s));
    }

    /** Tokens that look like JWTs and must never be believed, nor break anything. */
    static List<Labeled<String>> forgedJwts(String issuer, Random random) {
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"hostile-corpus\",\"aud\":\"" + issuer
                + "\",\"exp\":4102444800,\"iat\":1700000000,\"scp\":[\"gatehouse:admin\"],\"scope\":\"openid gatehouse:admin\"}";
        byte[] junk = new byte[256];
        random.nextBytes(junk);
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(junk);
        List<Labeled<String>> out = new ArrayList<>();
        out.add(new Labeled<>("alg-none", b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims) + "."));
        out.add(new Labeled<>("alg-None", b64("{\"alg\":\"None\"}") + "." + b64(claims) + "."));
        out.add(new Labeled<>("rs256-random-signature", b64("{\"alg\":\"RS256\",\"kid\":\"hostile\"}") + "." + b64(claims) + "." + sig));
        out.add(new Labeled<>("hs256-forged", b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims) + "." + sig.substring(0, 43)));
        out.add(new Labeled<>("es256-bad-length", b64("{\"alg\":\"ES256\"}") + "." + b64(claims) + "." + sig.substring(0, 10)));
        out.add(new Labeled<>("kid-traversal", b64("{\"alg\":\"RS256\",\"kid\":\"../../../../etc/passwd\"}") + "." + b64(claims) + "." + sig));
        out.add(new Labeled<>("jku-metadata", b64("{\"alg\":\"RS256\",\"jku\":\"http://169.254.169.254/jwks\",\"x5u\":\"http://127.0.0.1:1/x\"}")
                + "." + b64(claims) + "." + sig));
        out.add(new Labeled<>("crit-unknown", b64("{\"alg\":\"RS256\",\"crit\":[\"hostile\"],\"hostile\":1}") + "." + b64(claims) + "." + sig));
        out.add(new Labeled<>("header-not-json", b64("not json") + "." + b64(claims) + "." + sig));
        out.add(new Labeled<>("header-array", b64("[]") + "." + b64(claims) + "." + sig));
        out.add(new Labeled<>("claims-wrong-types", b64("{\"alg\":\"RS256\"}") + "."
                + b64("{\"iss\":[1],\"sub\":{},\"exp\":\"never\",\"aud\":9e999,\"iat\":-1e308}") + "." + sig));
        out.add(new Labeled<>("claims-huge-number", b64("{\"alg\":\"RS256\"}") + "." + b64("{\"exp\":" + "9".repeat(2_000) + "}") + "." + sig));
        out.add(new Labeled<>("claims-deep", b64("{\"alg\":\"RS256\"}") + "." + b64("{\"a\":" + "[".repeat(3_000) + "]".repeat(3_000) + "}") + "." + sig));
        out.add(new Labeled<>("garbage-segments", "%%%.%%%.%%%"));
        out.add(new Labeled<>("empty-segments", ".."));
        out.add(new Labeled<>("two-segments", b64("{\"alg\":\"none\"}") + "." + b64(claims)));
        out.add(new Labeled<>("five-segments", "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d"));
        out.add(new Labeled<>("eyJ-only", "eyJ.eyJ.eyJ"));
        out.add(new Labeled<>("very-long", b64("{\"alg\":\"RS256\"}") + "." + "A".repeat(9_000) + "." + sig));
        out.add(new Labeled<>("claims-nul", b64("{\"alg\":\"RS256\",\"kid\":\"a\\u0000\"}") + "."
                + b64("{\"iss\":\"a\\u0000b\",\"sub\":\"a\\u0000b\",\"client_id\":\"a\\u0000b\",\"jti\":\"\\u0000\"}") + "." + sig));
        return out;
    }

    static List<Labeled<String>> accepts() {
        return List.of(new Labeled<>("q-not-a-number", "application/json;q=x"),
                new Labeled<>("q-empty", "application/json;q="),
                new Labeled<>("q-huge", "*/*;q=1e400"),
                new Labeled<>("q-negative", "*/*;q=-1"),
                new Labeled<>("q-twice", "text/html;q=0.5;q=x"),
                new Labeled<>("q-nan", "application/problem+json;q=NaN"),
                new Labeled<>("q-in-second", "text/html, application/json;q=abc"),
                new Labeled<>("q-wildcard-bad", "image/*;q=x, */*;q=0.1"),
                new Labeled<>("no-slash", "json"),
                new Labeled<>("semicolons", ";;"),
                new Labeled<>("slash-only", "/"),
                new Labeled<>("empty-items", "application/json, ,"),
                new Labeled<>("star", "*"),
                new Labeled<>("open-quote", "application/json;charset=\""),
                new Labeled<>("nothing-we-serve", "image/png"),
                new Labeled<>("200-types", "a/b, ".repeat(200) + "c/d"));
    }

    static List<Labeled<String>> acceptLanguages() {
        return List.of(new Labeled<>("q-not-a-number", "zz-ZZ;q=x"),
                new Labeled<>("star-q-junk", "*;q=abc"),
                new Labeled<>("q-empty", "en;q="),
                new Labeled<>("commas", ",,,"),
                new Labeled<>("huge-tag", "x".repeat(5_000)),
                new Labeled<>("mixed", "ru-RU,ru;q=0.9,zh;q=x"),
                new Labeled<>("extensions", "en-US-u-ca-gregory-x-private"),
                new Labeled<>("latin1", "\u00ff\u00e9-\u00c9"),
                new Labeled<>("underscore", "zh_CN"));
    }

    static List<Labeled<String>> contentTypes() {
        return List.of(new Labeled<>("charset-unknown", "application/json; charset=EBCDIC-XYZ"),
                new Labeled<>("charset-open-quote", "application/json; charset=\""),
                new Labeled<>("charset-utf16", "application/json; charset=utf-16"),
                new Labeled<>("semicolons", "application/json;;;"),
                new Labeled<>("form-charset-unknown", "application/x-www-form-urlencoded; charset=nope"),
                new Labeled<>("multipart-no-boundary", "multipart/form-data"),
                new Labeled<>("multipart-empty-boundary", "multipart/form-data; boundary="),
                new Labeled<>("text-plain", "text/plain"),
                new Labeled<>("empty", ""),
                new Labeled<>("wildcard", "*/*"),
                new Labeled<>("two-types", "application/json, text/plain"),
                new Labeled<>("upper-case", "APPLICATION/JSON"),
                new Labeled<>("merge-patch", "application/merge-patch+json"),
                new Labeled<>("xml", "application/xml"),
                new Labeled<>("charset-empty", "application/x-www-form-urlencoded; charset="),
                new Labeled<>("charset-empty-quotes", "application/json; charset=\"\""),
                new Labeled<>("charset-half-quoted", "application/x-www-form-urlencoded; charset=\"utf-8"),
                new Labeled<>("boundary-open-quote", "multipart/form-data; boundary=\""));
    }

    static List<Labeled<String>> cookies() {
        return List.of(new Labeled<>("session-junk", "gatehouse_session=junk"),
                new Labeled<>("separators-only", "=;;=;"),
                new Labeled<>("unterminated-quote", "gatehouse_session=\"unterminated"),
                new Labeled<>("session-8000", "gatehouse_session=" + "x".repeat(8_000)),
                new Labeled<>("csrf-escapes", "gatehouse_csrf=%zz%00; gatehouse_oauth2_csrf=%"),
                new Labeled<>("rfc2965", "$Version=1; gatehouse_session=\"a\"; $Path=/"),
                new Labeled<>("latin1", "gatehouse_session=\u00ff\u00fe"),
                new Labeled<>("jsessionid-junk", "JSESSIONID=junk; gatehouse_oauth2_session=junk"),
                new Labeled<>("300-cookies", "c=v; ".repeat(300) + "d=e"));
    }

    /** Other request headers, as name and value. */
    static List<Labeled<String[]>> oddHeaders() {
        return List.of(new Labeled<>("content-encoding-gzip-lie", new String[] {"Content-Encoding", "gzip"}),
                new Labeled<>("expect-continue", new String[] {"Expect", "100-continue"}),
                new Labeled<>("if-modified-since-junk", new String[] {"If-Modified-Since", "yesterday-ish"}),
                new Labeled<>("range-junk", new String[] {"Range", "bytes=junk"}),
                new Labeled<>("origin-null", new String[] {"Origin", "null"}),
                new Labeled<>("basic-escapes", new String[] {"Authorization", "Basic %%%"}),
                new Labeled<>("basic-no-colon", new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("nocolon"))}),
                new Labeled<>("basic-escaped-id", new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("%zz:%"))}),
                new Labeled<>("bearer-empty", new String[] {"Authorization", "Bearer"}),
                new Labeled<>("digest", new String[] {"Authorization", "Digest username=\"x\""}),
                new Labeled<>("authorization-15000", new String[] {"Authorization", "Bearer " + "t".repeat(15_000)}),
                new Labeled<>("method-override", new String[] {"X-HTTP-Method-Override", "BREW"}),
                new Labeled<>("user-agent-15000", new String[] {"User-Agent", "u".repeat(15_000)}),
                new Labeled<>("request-id-junk", new String[] {"X-Request-ID", "../\u00ff" + "r".repeat(3_000)}),
                new Labeled<>("session-token-junk", new String[] {"X-Session-Token", "%zz" + "s".repeat(500)}),
                new Labeled<>("dpop-junk", new String[] {"DPoP", "not.a.jwt"}),
                new Labeled<>("referer-junk", new String[] {"Referer", "::::"}),
                new Labeled<>("basic-nul-id", new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("a\u0000b:secret"))}),
                new Labeled<>("basic-escaped-nul", new String[] {"Authorization", "Basic " + Base64.getEncoder().encodeToString(utf8("a%00b:secret"))}),
                new Labeled<>("plugin-server-name", new String[] {"$WSSN", "evil.example"}),
                new Labeled<>("plugin-scheme", new String[] {"$WSSC", "gopher"}),
                new Labeled<>("plugin-port", new String[] {"$WSSP", "-1"}),
                new Labeled<>("plugin-remote-address", new String[] {"$WSRA", "not-an-ip"}),
                new Labeled<>("plugin-secure", new String[] {"$WSIS", "maybe"}));
    }

    static List<Labeled<String[][]>> forwardedHeaders() {
        return List.of(
                new Labeled<>("xff-garbage", new String[][] {{"X-Forwarded-For", "garbage"}}),
                new Labeled<>("xff-empty-hops", new String[][] {{"X-Forwarded-For", "1.2.3.4, , ,"}}),
                new Labeled<>("xff-bad-ip", new String[][] {{"X-Forwarded-For", "999.999.999.999"}}),
                new Labeled<>("xff-open-bracket", new String[][] {{"X-Forwarded-For", "[::1"}}),
                new Labeled<>("xff-long", new String[][] {{"X-Forwarded-For", "10.0.0.1, ".repeat(1_000) + "10.0.0.2"}}),
                new Labeled<>("xfh-evil", new String[][] {{"X-Forwarded-Host", "evil.example"}, {"X-Forwarded-Proto", "https"}}),
                new Labeled<>("xfh-space", new String[][] {{"X-Forwarded-Host", "a b"}}),
                new Labeled<>("xfh-bad-port", new String[][] {{"X-Forwarded-Host", "evil.example:99999"}, {"X-Forwarded-Port", "-1"}}),
                new Labeled<>("xfh-escapes", new String[][] {{"X-Forwarded-Host", "%zz"}, {"X-Forwarded-Prefix", "/../%zz"}}),
                new Labeled<>("xfp-gopher", new String[][] {{"X-Forwarded-Proto", "gopher"}}),
                new Labeled<>("xfp-list", new String[][] {{"X-Forwarded-Proto", "https, http"}, {"X-Forwarded-Port", "abc"}}),
                new Labeled<>("forwarded-open-bracket", new String[][] {{"Forwarded", "for=\"[bad;proto=javascript"}}),
                new Labeled<>("forwarded-empty", new String[][] {{"Forwarded", "by=;;;for=,,"}}),
                new Labeled<>("xfm-brew", new String[][] {{"X-Forwarded-Method", "BREW"}, {"X-Forwarded-Uri", "/%zz"}}),
                new Labeled<>("xfu-absolute", new String[][] {{"X-Forwarded-Uri", "http://evil.example/%00"}, {"X-Forwarded-Method", ""}}),
                new Labeled<>("xfu-long", new String[][] {{"X-Forwarded-Uri", "/" + "u".repeat(10_000)}}),
                new Labeled<>("real-ip-junk", new String[][] {{"X-Real-IP", "not-an-ip"}, {"X-Original-URI", "%zz"}}));
    }

    static List<String> hosts(String own) {
        return List.of("evil.example", "", "localhost:abc", "localhost:99999", "[::1]", "[::1", "127.0.0.1",
                "acme.localhost", "ACME.LOCALHOST", "localhost.", "evil.example@" + own, "xn--zz",
                "h".repeat(8_000) + ".example", own + "\t");
    }

    static List<String> methods() {
        return List.of("BREW", "PROPFIND", "MKCOL", "TRACE", "get", "LINK", "QUERY", "SEARCH", "PURGE", "M-SEARCH",
                "PATCH", "PUT", "OPTIONS", "HEAD", "X".repeat(100));
    }

    /** Query strings with %-escapes that cannot be decoded, or decode to something odd. */
    static List<Labeled<String>> queries() {
        return List.of(new Labeled<>("flow-zz", "flow=%zz"),
                new Labeled<>("bare-zz", "%zz"),
                new Labeled<>("lone-percent", "a=%"),
                new Labeled<>("half-escape", "a=%4"),
                new Labeled<>("double-percent", "a=%%"),
                new Labeled<>("u-escape", "x=%u0041"),
                new Labeled<>("overlong", "a=%C0%AF"),
                new Labeled<>("utf8-surrogate", "a=%ED%A0%80"),
                new Labeled<>("byte-ff", "id=%FF"),
                new Labeled<>("nul", "id=%00"),
                new Labeled<>("many-params", "a=1&".repeat(3_000)),
                new Labeled<>("separators", "a=b=c&&&=&"),
                new Labeled<>("long-value", "id=" + "i".repeat(8_000)),
                new Labeled<>("paging-junk", "page_size=-1&page_token=%zz&per_page=99999999999999999999"),
                new Labeled<>("array-syntax", "id[]=1&id[x]=2"));
    }

    /** Form bodies that cannot be decoded, or are too much. */
    static List<Labeled<byte[]>> forms() {
        return List.of(new Labeled<>("zz", utf8("a=%zz&grant_type=%zz")),
                new Labeled<>("percent-name", utf8("%=%")),
                new Labeled<>("lone-percent", utf8("token=%")),
                new Labeled<>("truncated-utf8", utf8("grant_type=%E0%A4")),
                new Labeled<>("nul", utf8("client_id=%00&token=%00")),
                new Labeled<>("separators", utf8("&&&==&")),
                new Labeled<>("20000-params", utf8("a=&".repeat(20_000))),
                new Labeled<>("value-60000", utf8("grant_type=" + "g".repeat(60_000))),
                new Labeled<>("duplicates", utf8("grant_type=client_credentials&grant_type=refresh_token&client_id=a&client_id=b")),
                new Labeled<>("brackets", utf8("client_id[]=x&scope[a]=b")),
                new Labeled<>("raw-binary", new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, '=', '&', (byte) 0xC3}),
                new Labeled<>("semicolons", utf8("a=b;c=d;;")));
    }

    /** Paths that cannot be decoded, escape the root, or are odd spellings of real ones. */
    static List<String> paths() {
        return List.of("/version%zz", "/self-service/login/flows%00", "/ui/selfservice/login.xhtml%zz", "/t/%zz/version",
                "/.well-known/%zz", "/decisions/%zz", "/ui/%2e%2e/WEB-INF/web.xml", "/ui/..%2f..%2fWEB-INF/web.xml",
                "/%2e%2e/%2e%2e/etc/passwd", "/ui/selfservice/login.xhtml;jsessionid=x", "//version", "/version/",
                "/VERSION", "/version;a=b", "/t/" + "t".repeat(300) + "/version", "/schemas/%2e%2e", "/admin/rules/%2F",
                "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF", "/WEB-INF/templates/", "/web-inf/web.xml",
                "/ui/WEB-INF/web.xml", "/ui/../WEB-INF/web.xml", "/META-INF/", "/WEB-INF/classes/",
                "/selfservice/login.xhtml", "/ui/", "/ui", "/resources/", "/jakarta.faces.resource/x.js",
                "/ui/jakarta.faces.resource/%zz", "/version%C3%28", "/version%2525", "/\u00e9", "/" + "p".repeat(3_000));
    }
}
