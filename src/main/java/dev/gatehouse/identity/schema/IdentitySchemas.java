package dev.gatehouse.identity.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity schemas of this server, by id. They are read and compiled once, when
 * {@link IdentitySchemaConfig} is created at start-up; this registry only looks them up. The same schemas
 * serve every tenant.
 */
@ApplicationScoped
public class IdentitySchemas {

    private Map<String, IdentitySchema> byId;
    private List<IdentitySchema> all;
    private IdentitySchema defaultSchema;

    protected IdentitySchemas() {
    }

    @Inject
    public IdentitySchemas(IdentitySchemaConfig config) {
        Map<String, IdentitySchema> index = new LinkedHashMap<>();
        config.schemas().forEach(schema -> index.put(schema.id(), schema));
        this.byId = Map.copyOf(index);
        this.all = List.copyOf(index.values());
        this.defaultSchema = index.get(config.defaultSchemaId());
    }

    public Optional<IdentitySchema> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** All schemas, sorted by id. */
    public List<IdentitySchema> all() {
        return all;
    }

    public IdentitySchema defaultSchema() {
        return defaultSchema;
    }
}
