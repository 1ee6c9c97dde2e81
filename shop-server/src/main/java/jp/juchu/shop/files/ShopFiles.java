package jp.juchu.shop.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.juchu.shop.shops.Shops;
import org.springframework.stereotype.Service;

/**
 * The shops' file areas on disk: {@code {root}/{shopId}/} for an account with access to everything,
 * {@code {root}/{shopId}/docs/} for a {@code /docs/}-only account, and the storefront publishes
 * {@code docs/} under {@code /shops/{shopId}/docs/}. Every path from outside goes through
 * {@link #published(String, String)}, which refuses anything that would leave {@code docs/}.
 */
@Service
public class ShopFiles {

    public static final String DOCS = "docs";
    /** One segment of a published path: no separators, no control characters, not {@code .} or {@code ..}. */
    private static final Pattern SEGMENT = Pattern.compile("[^/\\\\\\p{Cntrl}:*?\"<>|]{1,255}");

    static final int MAX_PATH_LENGTH = 1024;
    static final int MAX_LISTED = 1000;
    private static final int MAX_DEPTH = 10;

    private final Path root;
    private final long quota;

    ShopFiles(FilesSettings settings) {
        this.root = settings.root().toAbsolutePath().normalize();
        this.quota = settings.quota().toBytes();
    }

    /** The most one shop's area may hold, in bytes ({@code shop.files.quota}). */
    public long quota() {
        return quota;
    }

    /** The bytes the shop's area holds now: every regular file in it, links not followed. */
    public long usage(String shopId) {
        try (Stream<Path> walk = Files.walk(area(shopId))) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> {
                        try {
                            return Files.size(p);
                        } catch (IOException e) {
                            return 0; // deleted while walking
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shop's whole area, created on first use. */
    public Path area(String shopId) {
        if (!Shops.SHOP_ID.matcher(shopId).matches()) {
            throw new IllegalArgumentException("not a shop ID: " + shopId);
        }
        Path area = root.resolve(shopId);
        try {
            Files.createDirectories(area.resolve(DOCS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return area;
    }

    public Path docs(String shopId) {
        return area(shopId).resolve(DOCS);
    }

    /**
     * A published file or directory, by its path below {@code docs/} (already URL-decoded, segments joined
     * by {@code /}); empty for a path that is malformed, leaves {@code docs/}, or does not exist.
     */
    public Optional<Path> published(String shopId, String relativePath) {
        if (!isSafeRelativePath(relativePath)) {
            return Optional.empty();
        }
        try {
            Path docs = docs(shopId).toRealPath();
            Path target = docs.resolve(relativePath).normalize();
            if (!target.startsWith(docs) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            // a link placed inside docs/ must not lead out of it
            return target.toRealPath().startsWith(docs) ? Optional.of(target) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether the path is relative, bounded, and made only of ordinary segments. */
    public static boolean isSafeRelativePath(String relativePath) {
        if (relativePath == null || relativePath.length() > MAX_PATH_LENGTH) {
            return false;
        }
        if (relativePath.isEmpty()) {
            return true;
        }
        String trimmed =
                relativePath.endsWith("/") ? relativePath.substring(0, relativePath.length() - 1) : relativePath;
        for (String segment : trimmed.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The published files, as paths below {@code docs/} with {@code /} separators; at most {@value #MAX_LISTED}. */
    public List<String> listPublished(String shopId) {
        Path docs = docs(shopId);
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(docs, MAX_DEPTH)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .limit(MAX_LISTED)
                    .forEach(p -> files.add(docs.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }
}
