package dev.gatehouse.tenant;

import dev.gatehouse.kernel.problem.ApiError;
import dev.gatehouse.kernel.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NewTenantTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void validateWhenHostsMixedCaseAndRepeatedThenLowerCasedOnce() {
        Tenant t = new TenantService.NewTenant("acme", "  Acme  ", List.of("Login.Acme.Example", "login.acme.example")).validate(CLOCK);

        assertEquals("Acme", t.displayName());
        assertEquals(List.of("login.acme.example"), t.hosts());
        assertEquals(CLOCK.instant(), t.createdAt());
    }

    @Test
    void validateWhenNoDisplayNameThenIdUsed() {
        assertEquals("acme", new TenantService.NewTenant("acme", null, List.of()).validate(CLOCK).displayName());
    }

    @Test
    void validateWhenSeveralFieldsBadThenAllReported() {
        ApiException e = assertThrows(ApiException.class, () -> new TenantService.NewTenant("Bad Id", "x\u0000y",
                List.of("ok.example", "not a host", "-bad.example")).validate(CLOCK));

        assertEquals(ApiError.VALIDATION_FAILED, e.error());
        assertEquals(List.of("id", "display_name", "hosts/1", "hosts/2"),
                e.fieldErrors().stream().map(ApiException.FieldError::field).toList());
    }
}
