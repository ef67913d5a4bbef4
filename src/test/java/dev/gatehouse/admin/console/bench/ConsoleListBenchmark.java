package dev.gatehouse.admin.console.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Imports identities through the admin API's batch import ({@code PATCH /admin/identities}, 1,000 a batch) into a
 * running Gatehouse, signs a console admin in as a browser does (the console's OpenID Connect redirect, the login
 * form, the callback) and times the console's identities list (first and last page), a search by trait and the admin
 * API's list: p50 and p95 over repeated requests. Not a test; run by hand against a server on PostgreSQL
 * (docs/console.md#list-cost):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/bench.classpath) dev.gatehouse.admin.console.bench.ConsoleListBenchmark \
 *     http://localhost:19080 $ADMIN_KEY 10000
 * </pre>
 * A third argument of 0 imports nothing and times what is there, taking it to be 10,000 for the last page (the console
 * admin is made each run).
 */
public final class ConsoleListBenchmark {

    private static final String PASSWORD = "console list benchmark passphrase 7";
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "John", "Radia", "Ken"};
    private static final int BATCH = 1_000;
    private static final int WARM_UP = 5;
    private static final int RUNS = 40;

    private final String base;
    private final String key;
    private final HttpClient admin = HttpClient.newHttpClient();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    private ConsoleListBenchmark(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        ConsoleListBenchmark bench = new ConsoleListBenchmark(args[0], args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        long t0 = System.nanoTime();
        bench.importIdentities(count);
        System.out.printf("imported %d identities in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        String email = bench.signInToConsole();
        int lastPage = Math.max(1, ((count > 0 ? count : 10_000) + 19) / 20);
        System.out.println("| request | p50 ms | p95 ms |");
        System.out.println("|---|---|---|");
        bench.time("console identities, page 1", () -> bench.console("/ui/console/identities.xhtml"));
        bench.time("console identities, page " + lastPage, () -> bench.console("/ui/console/identities.xhtml?page=" + lastPage));
        bench.time("console search by trait (`first` = Grace…, a tenth match)",
                () -> bench.console("/ui/console/identities.xhtml?trait=first&q=grace"));
        bench.time("console search by trait, no match", () -> bench.console("/ui/console/identities.xhtml?trait=first&q=nobody", false));
        bench.time("console search by identifier", () -> bench.console("/ui/console/identities.xhtml?q=" + enc(email)));
        bench.time("admin API `GET /admin/identities` (250 a page)", () -> bench.adminGet("/admin/identities?page_size=250"));
    }

    private void importIdentities(int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int from = 0; from < count; from += BATCH) {
            JsonArrayBuilder items = Json.createArrayBuilder();
            for (int n = from; n < Math.min(count, from + BATCH); n++) {
                items.add(Json.createObjectBuilder().add("create", Json.createObjectBuilder().add("schema_id", "default")
                        .add("traits", Json.createObjectBuilder().add("email", "bench-" + run + "-" + n + "@example.test")
                                .add("name", Json.createObjectBuilder().add("first", FIRST[n % FIRST.length] + " " + n).add("last", "Bench")))));
            }
            HttpResponse<String> r = admin.send(adminRequest("/admin/identities")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("identities", items).build().toString()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            check(r, 200);
        }
    }

    /** Makes a console admin and signs it in with the browser client's cookies, as the console's redirects go. */
    private String signInToConsole() throws Exception {
        String email = "bench-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        HttpResponse<String> created = admin.send(adminRequest("/admin/identities").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder().add("schema_id", "default")
                        .add("traits", Json.createObjectBuilder().add("email", email))
                        .add("metadata_admin", Json.createObjectBuilder().add("console_role", "admin"))
                        .add("credentials", Json.createObjectBuilder().add("password", Json.createObjectBuilder()
                                .add("config", Json.createObjectBuilder().add("password", PASSWORD)))).build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        check(created, 201);
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "/ui/console/identities.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        String query = login.uri().getQuery();
        String flowId = query.substring(query.indexOf("flow=") + 5).split("&")[0];
        JsonObject flow = json(browser.send(HttpRequest.newBuilder(URI.create(base + "/self-service/login/flows?id=" + flowId)).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String csrf = flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getJsonObject("attributes")).filter(a -> "csrf_token".equals(a.getString("name", "")))
                .findFirst().orElseThrow().getString("value");
        String form = "csrf_token=" + enc(csrf) + "&identifier=" + enc(email) + "&password=" + enc(PASSWORD) + "&method=password";
        HttpResponse<String> console = browser.send(HttpRequest.newBuilder(URI.create(flow.getJsonObject("ui").getString("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (!console.uri().getPath().endsWith("/ui/console/identities.xhtml") || console.statusCode() != 200) {
            throw new IllegalStateException("console sign-in ended at " + console.uri() + " with " + console.statusCode());
        }
        return email;
    }

    private int console(String path) throws Exception {
        return console(path, true);
    }

    /** A console page, which must show identities, or none ({@code rows} false). */
    private int console(String path, boolean rows) throws Exception {
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        check(r, 200);
        if (r.body().contains("identity-row") != rows) {
            throw new IllegalStateException(path + (rows ? " shows no identity" : " shows identities"));
        }
        return r.body().length();
    }

    private int adminGet(String path) throws Exception {
        HttpResponse<String> r = admin.send(adminRequest(path).build(), HttpResponse.BodyHandlers.ofString());
        check(r, 200);
        return r.body().length();
    }

    @FunctionalInterface
    private interface Request {
        int send() throws Exception;
    }

    private void time(String name, Request request) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            request.send();
        }
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            request.send();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("| %s | %.1f | %.1f |%n", name, ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1]);
    }

    private HttpRequest.Builder adminRequest(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key);
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(500, r.body().length())));
        }
    }

    private static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
