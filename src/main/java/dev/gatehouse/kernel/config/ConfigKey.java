package dev.gatehouse.kernel.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a configuration key on the class that reads it, for keys that have no line of their own in
 * {@code META-INF/microprofile-config.properties}: families of keys named by a pattern
 * ({@code gatehouse.gateway.<kind>.<handler>.config}), keys read only when needed, and old names still honoured.
 * Every other key is declared by its default and the comment above it in that file. Both are the source of the
 * generated configuration reference ({@code docs/configuration.md}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(ConfigKey.List.class)
public @interface ConfigKey {

    /** The full key; a part in angle brackets stands for any name ({@code gatehouse.oauth2.claims.<claim>}). */
    String name();

    /** What the key means, as one or more sentences. */
    String description();

    /** The value in force when the key is not set, as it would be written; empty when there is none. */
    String defaultValue() default "";

    /** The keys a class declares. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        ConfigKey[] value();
    }
}
