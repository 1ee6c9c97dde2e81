package jp.juchu.oms.imports;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import jp.juchu.oms.malls.BadShopResponse;
import jp.juchu.oms.malls.OrderPage;
import jp.juchu.oms.malls.RateLimited;
import jp.juchu.oms.malls.ShopUnavailable;

/** How a run reads one page when the shop fails: the tries, the waits between them, and when it gives up. */
final class PageRetries {

    private final ImportSettings settings;

    PageRetries(ImportSettings settings) {
        this.settings = settings;
    }

    /** One page, retried: 429 waits as long as the shop asks, outages back off exponentially with jitter. */
    OrderPage read(Supplier<OrderPage> call) {
        int attempt = 0;
        while (true) {
            attempt++;
            try {
                return call.get();
            } catch (RateLimited e) {
                if (attempt >= settings.maxAttempts()) {
                    throw e;
                }
                Duration wait = e.retryAfter() == null ? backoff(attempt) : e.retryAfter();
                sleep(wait.compareTo(settings.retryAfterMax()) > 0 ? settings.retryAfterMax() : wait);
            } catch (ShopUnavailable | BadShopResponse e) {
                if (attempt >= settings.maxAttempts()) {
                    throw e;
                }
                sleep(backoff(attempt));
            }
        }
    }

    /** Exponential backoff with "equal jitter": half the delay fixed, half random. */
    Duration backoff(int attempt) {
        long base = settings.backoffBase().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, settings.backoffMax().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderImport.ShopUnavailableInterrupted();
        }
    }
}
