package jp.juchu.shop.files.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jp.juchu.shop.accesslog.AccessLog;
import jp.juchu.shop.files.ProtectedDirectories;
import jp.juchu.shop.files.ProtectedDirectory;
import jp.juchu.shop.files.ShopFiles;
import jp.juchu.shop.shops.Shops;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The storefront publishes the shop's {@code docs/} under {@code /shops/{shopId}/docs/…}: a file as it
 * is, a directory by its {@code index.html}, never a listing. A protected directory asks for its user
 * (HTTP Basic). The merchant's pages run sandboxed (their own origin), so a script uploaded by one shop
 * can never act in the admin or in another shop's storefront.
 */
@Controller
class PublishedFilesController {

    private static final int CHARSET_PROBE_BYTES = 64 * 1024;
    static final String SANDBOX = "sandbox allow-scripts allow-forms allow-popups allow-downloads";

    private final Shops shops;
    private final ShopFiles files;
    private final ProtectedDirectories directories;

    PublishedFilesController(Shops shops, ShopFiles files, ProtectedDirectories directories) {
        this.shops = shops;
        this.files = files;
        this.directories = directories;
    }

    @GetMapping({"/shops/{shopId}/docs", "/shops/{shopId}/docs/**"})
    ResponseEntity<?> serve(@PathVariable String shopId, HttpServletRequest request) {
        if (!Shops.SHOP_ID.matcher(shopId).matches() || !shops.exists(shopId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = "/shops/" + shopId + "/docs";
        String rest = uri.substring(Math.min(uri.length(), prefix.length()));
        if (rest.isEmpty()) {
            return redirect(request.getRequestURI() + "/");
        }
        String relative;
        try {
            relative = UriUtils.decode(rest.substring(1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!ShopFiles.isSafeRelativePath(relative)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String bare = relative.endsWith("/") ? relative.substring(0, relative.length() - 1) : relative;
        Optional<ProtectedDirectory> guard = directories.guarding(shopId, bare);
        if (guard.isPresent()) {
            Optional<String> user = directories.authorize(
                    guard.get(), request.getHeader(HttpHeaders.AUTHORIZATION), request.getRemoteAddr());
            if (user.isEmpty()) {
                return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .header(
                                HttpHeaders.WWW_AUTHENTICATE,
                                "Basic realm=\"" + guard.get().realm() + "\", charset=\"UTF-8\"")
                        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                        .body("このページを見るには、ユーザー名とパスワードが必要です。");
            }
            request.setAttribute(AccessLog.REMOTE_USER_ATTRIBUTE, user.get());
        }
        Path path = files.published(shopId, bare).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (Files.isDirectory(path)) {
            if (!relative.isEmpty() && !relative.endsWith("/")) {
                return redirect(request.getRequestURI() + "/");
            }
            path = path.resolve("index.html");
            if (!Files.isRegularFile(path)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
        }
        MediaType type =
                MediaTypeFactory.getMediaType(path.getFileName().toString()).orElse(MediaType.APPLICATION_OCTET_STREAM);
        if (isText(type) && isUtf8(path)) {
            type = new MediaType(type, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(guard.isPresent() ? CacheControl.noStore() : CacheControl.noCache())
                .header("Content-Security-Policy", SANDBOX)
                .body(new FileSystemResource(path));
    }

    private static boolean isText(MediaType type) {
        return type.getType().equals("text")
                || type.getSubtype().equals("javascript")
                || type.getSubtype().equals("json")
                || type.getSubtype().endsWith("+xml");
    }

    /**
     * Whether the file's first bytes are UTF-8, so the browser is told so; otherwise (Shift_JIS pages) the
     * charset is left to the page's own {@code <meta charset>}.
     */
    private static boolean isUtf8(Path path) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(CHARSET_PROBE_BYTES);
        } catch (IOException e) {
            return false;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // not the end of input: a character cut at the probe's end is not an error
        return !decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false)
                .isError();
    }

    private static ResponseEntity<?> redirect(String location) {
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, location)
                .build();
    }
}
