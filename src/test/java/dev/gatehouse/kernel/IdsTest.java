package dev.gatehouse.kernel;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IdsTest {

    @Test
    void parseUuidWhenCanonicalThenTheUuid() {
        UUID id = UUID.randomUUID();

        assertEquals(Optional.of(id), Ids.parseUuid(id.toString()));
    }

    @Test
    void parseUuidWhenNullShortOrNotHexThenEmpty() {
        assertEquals(Optional.empty(), Ids.parseUuid(null));
        assertEquals(Optional.empty(), Ids.parseUuid("1-2-3-4-5"));
        assertEquals(Optional.empty(), Ids.parseUuid("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"));
    }
}
