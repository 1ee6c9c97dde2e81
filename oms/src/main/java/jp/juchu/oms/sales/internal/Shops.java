package jp.juchu.oms.sales.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.juchu.oms.malls.Mall;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.stereotype.Component;

/** The sales channels as the reports name them: a mall shop by its shop ID, the OMS's own channels in Japanese. */
@Component
public class Shops {

    private final MallConnections connections;

    Shops(MallConnections connections) {
        this.connections = connections;
    }

    /** Every channel, id → name, in the order of the settings page. */
    public Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        for (MallConnection c : connections.channels()) {
            names.put(c.id(), name(c));
        }
        return names;
    }

    static String name(MallConnection c) {
        if (c.mall().equals(Mall.MANUAL)) {
            return "受注登録";
        }
        if (c.mall().equals(Mall.CSV)) {
            return "データ取込";
        }
        return c.shopId();
    }
}
