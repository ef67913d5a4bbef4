package dev.gatehouse.platform.jsonnet;

import scala.Option;
import sjsonnet.Importer;
import sjsonnet.OsPath;
import sjsonnet.ResolvedFile;
import sjsonnet.StaticResolvedFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves jsonnet imports ({@code import}, {@code importstr}) relative to the importing file and only to regular
 * files under {@code root}: {@code ../} escapes, absolute paths outside it and symbolic links leading out are
 * refused, as is a file larger than the bound. Without a root nothing can be imported.
 */
public final class RootedImporter extends Importer {

    private final Path root;
    private final long maxChars;

    /**
     * @param root     the real path (symbolic links resolved) imports must stay under, or null for no imports
     * @param maxChars the largest file that may be imported
     */
    public RootedImporter(Path root, long maxChars) {
        this.root = root;
        this.maxChars = maxChars;
    }

    @Override
    public Option<sjsonnet.Path> resolve(sjsonnet.Path docBase, String importName) {
        if (root == null || importName.indexOf('\0') >= 0) {
            return Option.empty();
        }
        Path target = ((OsPath) docBase).p().toNIO().resolve(importName).normalize();
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            return Option.empty();
        }
        try {
            if (!target.toRealPath().startsWith(root)) {
                return Option.empty();
            }
        } catch (IOException e) {
            return Option.empty();
        }
        return Option.apply(new OsPath(new os.Path(target)));
    }

    @Override
    public Option<ResolvedFile> read(sjsonnet.Path path) {
        Path p = ((OsPath) path).p().toNIO();
        try {
            if (Files.size(p) > maxChars) {
                return Option.empty();
            }
            return Option.apply(new StaticResolvedFile(Files.readString(p, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Option.empty();
        }
    }
}
