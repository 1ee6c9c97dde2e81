package jp.juchu.shop.files;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A directory of the published area ({@code docs/}) that asks for a user and password (ユーザー認証).
 *
 * @param path below {@code docs/}, without leading or trailing slash, e.g. {@code members}
 * @param label the merchant's name for it, e.g. 会員専用ページ
 */
public record ProtectedDirectory(
        long id, String shopId, String path, String label, OffsetDateTime createdAt, List<String> usernames) {

    /** Whether a published path (below {@code docs/}) lies in this directory. */
    public boolean covers(String relativePath) {
        return relativePath.equals(path) || relativePath.startsWith(path + "/");
    }

    /** The ASCII realm the browser shows in its password prompt. */
    public String realm() {
        return "docs/" + path;
    }
}
