package jp.juchu.oms.shipping;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 配達業者設定: the carriers the merchant uses; exactly one of them is the default. */
@Service
public class CarrierSettings {

    private final JdbcClient jdbc;

    CarrierSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CarrierSetting> all() {
        return jdbc
                .sql("select carrier, enabled, is_default, customer_code from carrier_setting")
                .query((rs, n) -> new CarrierSetting(
                        Carrier.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getBoolean(3), rs.getString(4)))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(CarrierSetting::carrier))
                .toList();
    }

    public CarrierSetting of(Carrier carrier) {
        return all().stream().filter(s -> s.carrier() == carrier).findFirst().orElseThrow();
    }

    /**
     * Saves the settings.
     *
     * @throws IllegalArgumentException when no carrier is used, the default is not used, or a customer code is
     *     not digits
     */
    @Transactional
    public void save(List<CarrierSetting> settings) {
        if (settings.stream().noneMatch(CarrierSetting::enabled)) {
            throw new IllegalArgumentException("使用する配達業者を1つ以上選んでください");
        }
        if (settings.stream().filter(s -> s.isDefault() && s.enabled()).count() != 1) {
            throw new IllegalArgumentException("使用する配達業者の中から、既定の配達業者を1つ選んでください");
        }
        for (CarrierSetting s : settings) {
            String code = s.customerCode() == null ? "" : s.customerCode().strip();
            if (!code.isEmpty() && !code.matches("[0-9-]{1,20}")) {
                throw new IllegalArgumentException(s.carrier().label() + " のお客様コードは半角数字で入力してください");
            }
            jdbc.sql("update carrier_setting set enabled = ?, is_default = ?, customer_code = ? where carrier = ?")
                    .params(
                            s.enabled(),
                            s.isDefault(),
                            code.isEmpty() ? null : code,
                            s.carrier().name())
                    .update();
        }
    }
}
