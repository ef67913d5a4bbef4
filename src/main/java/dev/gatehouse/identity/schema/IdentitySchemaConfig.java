package dev.gatehouse.identity.schema;

import dev.gatehouse.kernel.config.CapabilityConfig;
import dev.gatehouse.kernel.config.ConfigReader;
import dev.gatehouse.kernel.config.InvalidConfigException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code gatehouse.identity.*}: which identity schemas there are and which one new identities get.
 * <ul>
 *   <li>{@code schemas}: comma-separated {@code id=location} entries, location {@code file:/path/x.json} or
 *       {@code classpath:name.json}. The built-in {@code default} schema (email and name) is always there
 *       unless an entry with the id {@code default} replaces it.</li>
 *   <li>{@code default-schema-id}: one of those ids; {@code default} unless set.</li>
 * </ul>
 * Every schema is read, checked and compiled here, so that a missing file, bad JSON or an invalid schema
 * stops start-up with a line naming the key.
 */
@ApplicationScoped
public class IdentitySchemaConfig implements CapabilityConfig {

    /** The id of the built-in schema, and the default schema id. */
    public static final String DEFAULT_ID = "default";
    static final String BUILT_IN_LOCATION = "classpath:dev/gatehouse/identity/schema/default.schema.json";
    /** Ids appear in URLs ({@code /schemas/{id}}): a path segment that needs no escaping. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private String defaultSchemaId;
    private List<IdentitySchema> schemas;

    protected IdentitySchemaConfig() {
    }

    @Inject
    public IdentitySchemaConfig(Config config) {
        ConfigReader r = ConfigReader.of(config, capability());
        Map<String, IdentitySchema> byId = new TreeMap<>();
        for (String entry : r.list("schemas")) {
            int eq = entry.indexOf('=');
            String id = eq < 0 ? "" : entry.substring(0, eq).trim();
            String location = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!ID.matcher(id).matches() || location.isEmpty()) {
                throw new InvalidConfigException(r.key("schemas"), entry, "each entry must be id=location, the id made of"
                        + " letters, digits, '.', '_' and '-' (at most 64), the location file:/path.json or classpath:name.json");
            }
            if (byId.containsKey(id)) {
                throw new InvalidConfigException(r.key("schemas"), entry, "the id " + id + " is configured twice");
            }
            try {
                byId.put(id, IdentitySchema.of(id, SchemaSource.read(location)));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(r.key("schemas"), entry, "the identity schema " + id + " " + e.getMessage());
            }
        }
        byId.computeIfAbsent(DEFAULT_ID, id -> IdentitySchema.of(id, SchemaSource.read(BUILT_IN_LOCATION)));
        this.schemas = List.copyOf(byId.values());
        this.defaultSchemaId = r.optionalString("default-schema-id").orElse(DEFAULT_ID);
        if (!byId.containsKey(defaultSchemaId)) {
            throw new InvalidConfigException(r.key("default-schema-id"), defaultSchemaId,
                    "is not the id of an identity schema; there are " + byId.keySet());
        }
    }

    @Override
    public String capability() {
        return "identity";
    }

    /** The schema new identities get when none is named. */
    public String defaultSchemaId() {
        return defaultSchemaId;
    }

    /** Every configured schema, compiled, sorted by id; the default schema is among them. */
    public List<IdentitySchema> schemas() {
        return schemas;
    }
}
