package jp.juchu.oms.malls;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The connector of each mall kind: every {@link MallConnector} bean, found by the connection's {@link Mall}. */
@Service
public class MallConnectors {

    private final Map<Mall, MallConnector> byMall;

    MallConnectors(List<MallConnector> connectors) {
        this.byMall =
                connectors.stream().collect(Collectors.toUnmodifiableMap(MallConnector::mall, Function.identity()));
    }

    /** The connector of the connection's mall; empty for an own channel (受注登録, データ取込), which has none. */
    public Optional<MallConnector> of(MallConnection connection) {
        return Optional.ofNullable(byMall.get(connection.mall()));
    }

    /** The connector of the connection's mall, or an {@link IllegalArgumentException} naming the channel. */
    public MallConnector required(MallConnection connection) {
        return of(connection)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no connector for " + connection.mall() + " (connection " + connection.id() + ")"));
    }
}
