package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServer;
import jakarta.json.JsonObject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Steps of the verification and recovery flows ({@code code} method), and where a test finds a sent code. */
final class CodeFlows {

    static final String PASSWORD = "code flows passphrase 7";

    private CodeFlows() {
    }

    static String email(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 10) + "@example.test";
    }

    static Http.Response sendTo(JsonObject flow, String email) {
        return ApiFlows.submit(flow, "{\"method\":\"code\",\"email\":\"" + email + "\"}");
    }

    static Http.Response code(String prefix, String kind, String flowId, String code) {
        return Http.post(prefix + "/self-service/" + kind + "?flow=" + flowId).json("{\"method\":\"code\",\"code\":\"" + code + "\"}").send();
    }

    static List<Long> messageIds(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getJsonNumber("id").longValue()).toList();
    }

    static List<String> nodeNames(JsonObject flow) {
        return flow.getJsonObject("ui").getJsonArray("nodes").getValuesAs(JsonObject.class).stream()
                .map(n -> n.getJsonObject("attributes").getString("name")).toList();
    }

    /** Registers through the API and returns the registration answer. */
    static JsonObject registered(String prefix, String email) {
        Http.Response r = ApiFlows.register(prefix, email, PASSWORD);
        assertEquals(200, r.status(), r.toString());
        return r.jsonObject();
    }

    /** An admin recovery code for the identity: {@code {recovery_code, recovery_link, expires_at}}. */
    static JsonObject adminCode(String prefix, String identityId, String expiresIn) {
        Http.Response r = Http.post(prefix + "/admin/recovery/code").admin()
                .json("{\"identity_id\":\"" + identityId + "\",\"expires_in\":\"" + expiresIn + "\"}").send();
        assertEquals(201, r.status(), r.toString());
        return r.jsonObject();
    }

    static String flowIdOf(String link) {
        return link.substring(link.indexOf("flow=") + 5);
    }

    static Connection db() throws SQLException {
        ItServer s = ItServer.get();
        return DriverManager.getConnection(s.jdbcUrl(), s.jdbcUser(), s.jdbcPassword());
    }

    /** Whether the courier (another branch) is deployed: its outbox table exists. */
    static boolean courierAvailable() {
        try (Connection c = db(); ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("courier_message")) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The six-digit code in the newest outbox message to the address, where only the mailbox owner would see it. */
    static Optional<String> sentCode(String email) throws SQLException {
        Pattern sixDigits = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");
        // the sign-in link's flow id and token may hold six digits in a row: look past links
        return newestMessageTo(email).map(text -> text.replace(email, "").replaceAll("https?://[^\\s\"'<>]+", ""))
                .map(sixDigits::matcher)
                .filter(Matcher::find).map(Matcher::group);
    }

    /** The plain-text body of the newest outbox message to the address. */
    static Optional<String> newestMessageTo(String email) throws SQLException {
        try (Connection c = db(); PreparedStatement p = c.prepareStatement(
                "SELECT body_text FROM courier_message WHERE recipient = ? ORDER BY created_at DESC")) {
            p.setString(1, email);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The sign-in link (path and query, relative to the server) in the newest outbox message to the address. */
    static Optional<String> sentLink(String email) throws SQLException {
        Pattern link = Pattern.compile("/self-service/login/code-link\\?flow=[0-9a-f-]{36}(?:&|\\\\u0026|&amp;)token=[A-Za-z0-9_-]+");
        return newestMessageTo(email).map(link::matcher).filter(Matcher::find)
                .map(m -> m.group().replace("\\u0026", "&").replace("&amp;", "&"));
    }
}
