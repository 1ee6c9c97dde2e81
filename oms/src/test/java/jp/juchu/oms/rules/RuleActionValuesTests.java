package jp.juchu.oms.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.juchu.oms.shipping.Carrier;
import org.junit.jupiter.api.Test;

class RuleActionValuesTests {

    static List<String> problems(Action.Kind kind, String value) {
        return new Action(kind, value).problems(Set.of("NEW", "READY_TO_SHIP"));
    }

    @Test
    void aCarrierIsNamedByCodeOrJapaneseNameWithItsServiceAndCoolType() {
        List<String> problems = new ArrayList<>();
        assertThat(ActionValues.carrier("ヤマト運輸 宅急便コンパクト", problems))
                .contains(new ActionValues.CarrierChoice(Carrier.YAMATO, "宅急便コンパクト", null));
        assertThat(ActionValues.carrier("ｓａｇａｗａ 冷蔵", problems))
                .contains(new ActionValues.CarrierChoice(Carrier.SAGAWA, null, "CHILLED"));
        assertThat(problems).isEmpty();

        assertThat(problems(Action.Kind.SET_CARRIER, "クロネコ"))
                .singleElement()
                .asString()
                .contains("配送業者「クロネコ」はありません");
        assertThat(problems(Action.Kind.SET_CARRIER, "JAPAN_POST ネコポス"))
                .singleElement()
                .asString()
                .contains("日本郵便の配送サービス・温度帯にありません");
        assertThat(problems(Action.Kind.SET_CARRIER, "YAMATO 冷凍")).isEmpty();
    }

    @Test
    void shopShippingNamesMapToCarriersInPairs() {
        List<String> problems = new ArrayList<>();
        assertThat(ActionValues.mappings("宅配便=YAMATO, 飛脚＝佐川急便", problems))
                .containsEntry("宅配便", Carrier.YAMATO)
                .containsEntry("飛脚", Carrier.SAGAWA);
        assertThat(problems).isEmpty();
        assertThat(problems(Action.Kind.MAP_SHIPPING_NAME, "宅配便"))
                .singleElement()
                .asString()
                .contains("ショップの配送方法=配送業者");
        assertThat(problems(Action.Kind.MAP_SHIPPING_NAME, "宅配便=クロネコ"))
                .singleElement()
                .asString()
                .contains("クロネコ");
        assertThat(problems(Action.Kind.MAP_SHIPPING_NAME, "a=YAMATO,".repeat(21)))
                .contains("置き換えは20組までです");
    }

    @Test
    void dateShiftsAndFeesAreBounded() {
        assertThat(problems(Action.Kind.SHIFT_DATE, "+2")).isEmpty();
        assertThat(problems(Action.Kind.SHIFT_DATE, "－１日")).isEmpty();
        assertThat(problems(Action.Kind.SHIFT_DATE, "0"))
                .singleElement()
                .asString()
                .contains("-30〜+30");
        assertThat(problems(Action.Kind.SHIFT_DATE, "+31"))
                .singleElement()
                .asString()
                .contains("-30〜+30");
        assertThat(problems(Action.Kind.SHIFT_DATE, "99999999999"))
                .singleElement()
                .asString()
                .contains("数で");
        assertThat(problems(Action.Kind.CLEAR_DATE, "x"))
                .singleElement()
                .asString()
                .contains("値は要りません");

        List<String> none = new ArrayList<>();
        assertThat(ActionValues.fee("代引手数料 1,100円", none)).contains(new ActionValues.Fee("代引手数料", 1100));
        assertThat(ActionValues.fee("500", none)).contains(new ActionValues.Fee("送料", 500));
        assertThat(none).isEmpty();
        assertThat(problems(Action.Kind.ADD_FEE, "送料 0"))
                .singleElement()
                .asString()
                .contains("1円〜100,000円");
        assertThat(problems(Action.Kind.ADD_FEE, "送料 100001"))
                .singleElement()
                .asString()
                .contains("1円〜100,000円");
        assertThat(problems(Action.Kind.ADD_FEE, "送料 -500"))
                .singleElement()
                .asString()
                .contains("1円〜100,000円");
        assertThat(problems(Action.Kind.ADD_FEE, "たくさん"))
                .singleElement()
                .asString()
                .contains("送料 500");
    }

    @Test
    void remarksTakeVariablesAndGiftsTakeAProductCode() {
        assertThat(problems(Action.Kind.APPEND_SLIP_REMARK, "{受注番号} 天地無用")).isEmpty();
        assertThat(problems(Action.Kind.APPEND_DELIVERY_NOTE, "{ポイント} ありがとう"))
                .singleElement()
                .asString()
                .contains("{ポイント} はありません");
        assertThat(problems(Action.Kind.ADD_GIFT, "G".repeat(101))).isNotEmpty();
        assertThat(problems(Action.Kind.SPLIT_BY_ZONE, "")).isEmpty();
    }
}
