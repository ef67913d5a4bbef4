package dev.gatehouse.it.selfservice;

import dev.gatehouse.it.support.Http;
import dev.gatehouse.it.support.ItServerReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static dev.gatehouse.it.selfservice.ApiFlows.login;
import static dev.gatehouse.it.selfservice.ApiFlows.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Brute-force protection and account-enumeration resistance of the password login. */
@ExtendWith(ItServerReady.class)
class LoginProtectionIT {

    private static final String PASSWORD = "lockout test passphrase 7";

    @Test
    void loginWhenFiveFailuresThenLockedEvenWithRightPasswordSameMessageAndAdminCanClear() {
        String email = "lock-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        assertEquals(200, register("", email, PASSWORD).status());

        for (int i = 0; i < 5; i++) {
            assertEquals(400, login("", email, "wrong password " + i).status());
        }
        Http.Response locked = login("", email, PASSWORD);

        assertEquals(400, locked.status(), "the right password is refused while locked");
        assertEquals(4000006, locked.jsonObject().getJsonObject("ui").getJsonArray("messages").getJsonObject(0).getInt("id"),
                "same message as a wrong password: the lock does not reveal the account");
        Http.Response locks = Http.get("/admin/lockouts?subject=" + email).admin().send();
        assertEquals(200, locks.status());
        assertTrue(locks.json().asJsonArray().getJsonObject(0).containsKey("locked_until"), locks.body());

        assertEquals(204, Http.method("DELETE", "/admin/lockouts?subject=" + email).admin().send().status());
        assertEquals(200, login("", email, PASSWORD).status(), "cleared by the admin");
        assertEquals(404, Http.method("DELETE", "/admin/lockouts?subject=" + email).admin().send().status());
    }

    @Test
    void loginWhenUnknownIdentifierThenAlsoCountedAndLocked() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";

        for (int i = 0; i < 5; i++) {
            login("", nobody, "guess " + i);
        }

        assertEquals(1, Http.get("/admin/lockouts?subject=" + nobody).admin().send().json().asJsonArray().size());
    }

    @Test
    void loginWhenUnknownIdentifierThenTakesAboutAsLongAsWrongPassword() {
        String email = "timing-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        register("", email, PASSWORD);
        // warm up, then compare the fastest of each: an unknown identifier must still pay for a password hash, and
        // whatever else the machine does only adds time, so the fastest sign-in is the one closest to its own work
        for (int i = 0; i < 2; i++) {
            login("", email, "warm up " + i);
            login("", "x" + email, "warm up " + i);
        }
        long[] known = new long[3];
        long[] unknown = new long[3];
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            login("", email, "wrong " + i);
            known[i] = System.nanoTime() - t0;
            long t1 = System.nanoTime();
            login("", "unknown-" + i + email, "wrong " + i);
            unknown[i] = System.nanoTime() - t1;
        }
        java.util.Arrays.sort(known);
        java.util.Arrays.sort(unknown);
        double ratio = (double) unknown[0] / known[0];
        assertTrue(ratio > 0.5 && ratio < 2.0, "unknown/known sign-in time ratio " + ratio);
    }
}
