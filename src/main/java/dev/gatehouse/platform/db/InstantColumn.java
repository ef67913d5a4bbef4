package dev.gatehouse.platform.db;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every {@link Instant} field of every entity to and from its {@code TIMESTAMP WITH TIME ZONE} column, written in
 * UTC. Applied automatically, so entities hold {@code Instant}s like the domain does and no repository converts
 * times itself; the offset is explicit here rather than left to the JVM's default time zone.
 */
@Converter(autoApply = true)
public class InstantColumn implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant value) {
        return value == null ? null : value.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime column) {
        return column == null ? null : column.toInstant();
    }
}
