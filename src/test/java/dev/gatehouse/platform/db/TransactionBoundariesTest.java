package dev.gatehouse.platform.db;

import jakarta.annotation.Resource;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules that keep a request to one database connection at a time, checked on the compiled classes:
 * no transaction is ever started beside a running one, and nothing reaches the database outside a transaction
 * (on Liberty such a read keeps its connection until the request ends, and the next transaction needs another).
 */
class TransactionBoundariesTest {

    /** Database users that run at start-up or for the health check, never inside a request's use case. */
    private static final Set<String> OUTSIDE_REQUESTS = Set.of(
            "dev.gatehouse.platform.db.DatabaseMigrator",
            "dev.gatehouse.platform.secrets.TokenHasher",
            "dev.gatehouse.platform.health.DatabaseReadinessCheck",
            // hands out the data source with spans (JdbcSpans.dataSource); runs no statement itself
            "dev.gatehouse.platform.trace.JdbcSpans");
    private static final Set<Transactional.TxType> NESTING =
            EnumSet.of(Transactional.TxType.REQUIRES_NEW, Transactional.TxType.NOT_SUPPORTED);

    private static List<Class<?>> classes;

    @BeforeAll
    static void load() throws IOException {
        Path root = Path.of("target", "classes");
        classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("dev"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceAll("\\.class$", "");
                try {
                    classes.add(Class.forName(name, false, TransactionBoundariesTest.class.getClassLoader()));
                } catch (ClassNotFoundException | LinkageError e) {
                    throw new IllegalStateException("cannot load " + name, e);
                }
            }
        }
        assertTrue(classes.size() > 100, "compiled classes not found under " + root.toAbsolutePath());
    }

    @Test
    void transactionalWhenAnywhereThenNeverStartsOneBesideTheCallers() {
        List<String> nesting = new ArrayList<>();
        for (Class<?> c : classes) {
            if (nests(c)) {
                nesting.add(c.getName());
            }
            for (Method m : c.getDeclaredMethods()) {
                if (nests(m)) {
                    nesting.add(c.getName() + "." + m.getName());
                }
            }
        }

        assertEquals(List.of(), nesting, "REQUIRES_NEW or NOT_SUPPORTED holds a second connection while the caller's is held");
    }

    @Test
    void databaseUserWhenCalledThenAlwaysInsideTransaction() {
        List<String> outside = new ArrayList<>();
        for (Class<?> c : classes) {
            if (!usesDatabase(c) || OUTSIDE_REQUESTS.contains(c.getName())) {
                continue;
            }
            boolean classLevel = c.isAnnotationPresent(Transactional.class);
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isPrivate(mod) && !Modifier.isStatic(mod) && !m.isSynthetic()
                        && !classLevel && !m.isAnnotationPresent(Transactional.class)) {
                    outside.add(c.getName() + "." + m.getName());
                }
            }
        }

        assertEquals(List.of(), outside, "methods that may reach the database outside a transaction");
    }

    @Test
    void databaseUserWhenStoreThenOnlyJoinsTheCallersTransaction() {
        List<String> opening = new ArrayList<>();
        for (Class<?> c : classes) {
            if (!usesDatabase(c) || OUTSIDE_REQUESTS.contains(c.getName())) {
                continue;
            }
            Transactional classLevel = c.getAnnotation(Transactional.class);
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (Modifier.isPrivate(mod) || Modifier.isStatic(mod) || m.isSynthetic()) {
                    continue;
                }
                Transactional t = m.isAnnotationPresent(Transactional.class) ? m.getAnnotation(Transactional.class) : classLevel;
                if (t != null && t.value() != Transactional.TxType.MANDATORY) {
                    opening.add(c.getName() + "." + m.getName());
                }
            }
        }

        assertEquals(List.of(), opening, "stores are @Transactional(MANDATORY): the use case opens the transaction");
    }

    private static boolean usesDatabase(Class<?> c) {
        for (Field f : c.getDeclaredFields()) {
            boolean dataSource = f.getType().getName().equals("javax.sql.DataSource")
                    && (f.isAnnotationPresent(Resource.class) || f.isAnnotationPresent(dev.gatehouse.platform.trace.Traced.class));
            if (f.isAnnotationPresent(PersistenceContext.class) || dataSource) {
                return true;
            }
        }
        return false;
    }

    private static boolean nests(AnnotatedElement e) {
        Transactional t = e.getAnnotation(Transactional.class);
        return t != null && NESTING.contains(t.value());
    }
}
