package dev.gatehouse.audit.api;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditJsonTest {

    @Test
    void csvLineWhenFieldsHoldCommasQuotesAndBreaksThenQuotedWithQuotesDoubled() {
        assertEquals("1,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n",
                AuditJson.csvLine(Arrays.asList("1", "a,b", "say \"hi\"", "two\nlines", null)));
    }

    @Test
    void csvLineWhenFieldLooksLikeAFormulaThenPrefixedSoSpreadsheetsShowIt() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\",'+1,'@SUM,'-2\r\n",
                AuditJson.csvLine(Arrays.asList("=HYPERLINK(\"x\")", "+1", "@SUM", "-2")));
    }
}
