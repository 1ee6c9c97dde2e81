package jp.juchu.shop.notifications;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which URLs a notification may go to. Always: {@code http} or {@code https}, a host, a port (when given) from 1 to
 * 65535, no user info, no fragment, at most 500 characters. With {@code shop.notifications.allow-local-targets} (the
 * demo, tests) plain {@code http} is allowed to a loopback host only; without it (production) only {@code https} to
 * hosts whose every address is public — never loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (cloud metadata 169.254.169.254), carrier-grade NAT (100.64/10) or multicast, so a shop cannot make the platform
 * call into its own network. The check runs at registration and again before each delivery (a name may have been
 * pointed elsewhere since).
 */
@Component
class TargetPolicy {

    static final int MAX_URL_LENGTH = 500;

    private final boolean allowLocal;

    TargetPolicy(NotificationSettings settings) {
        this.allowLocal = settings.allowLocalTargets();
    }

    /** The URL, checked and normalised; refused with the reason otherwise. */
    URI check(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new EndpointRefused("url", "urlRequired");
        }
        String url = raw.strip();
        if (url.length() > MAX_URL_LENGTH) {
            throw new EndpointRefused("url", "urlTooLong", MAX_URL_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new EndpointRefused("url", "urlInvalid");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new EndpointRefused("url", "urlScheme");
        }
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null
                || uri.getPort() == 0
                || uri.getPort() > 65_535) {
            throw new EndpointRefused("url", "urlInvalid");
        }
        boolean loopbackName = isLoopbackName(uri.getHost());
        if (scheme.equals("http") && !(allowLocal && loopbackName)) {
            throw new EndpointRefused("url", "urlHttpsRequired");
        }
        checkAddresses(uri.getHost());
        return uri;
    }

    /** Before a delivery: the host still resolves to addresses this policy allows. */
    void checkAddresses(String host) {
        if (allowLocal) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new EndpointRefused("url", "urlUnresolvable");
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new EndpointRefused("url", "urlPrivateTarget");
            }
        }
    }

    private static boolean isLoopbackName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return !(first == 0 || (first == 100 && second >= 64 && second < 128) || first >= 240);
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // fc00::/7 unique local
        }
        return true;
    }
}
