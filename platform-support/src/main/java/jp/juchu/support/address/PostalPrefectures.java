package jp.juchu.support.address;

import java.util.List;
import java.util.Map;

/**
 * Which prefecture a postal code belongs to, from its first two digits (Japan Post assigns them by region); the
 * few three-digit areas that cross a prefecture border accept either side. Good enough for a warning ("does this
 * address look right?"), never for a refusal.
 */
public final class PostalPrefectures {

    private static final String[] BY_FIRST_TWO = new String[100];

    private static final Map<String, List<String>> ACROSS_A_BORDER = Map.of(
            "498", List.of("愛知県", "三重県"),
            "618", List.of("京都府", "大阪府"),
            "684", List.of("鳥取県", "島根県"),
            "871", List.of("大分県", "福岡県"));

    static {
        range("秋田県", 1, 1);
        range("岩手県", 2, 2);
        range("青森県", 3, 3);
        range("北海道", 4, 9);
        range("東京都", 10, 20);
        range("神奈川県", 21, 25);
        range("千葉県", 26, 29);
        range("茨城県", 30, 31);
        range("栃木県", 32, 32);
        range("埼玉県", 33, 36);
        range("群馬県", 37, 37);
        range("長野県", 38, 39);
        range("山梨県", 40, 40);
        range("静岡県", 41, 43);
        range("愛知県", 44, 49);
        range("岐阜県", 50, 50);
        range("三重県", 51, 51);
        range("滋賀県", 52, 52);
        range("大阪府", 53, 59);
        range("京都府", 60, 62);
        range("奈良県", 63, 63);
        range("和歌山県", 64, 64);
        range("兵庫県", 65, 67);
        range("鳥取県", 68, 68);
        range("島根県", 69, 69);
        range("岡山県", 70, 71);
        range("広島県", 72, 73);
        range("山口県", 74, 75);
        range("香川県", 76, 76);
        range("徳島県", 77, 77);
        range("高知県", 78, 78);
        range("愛媛県", 79, 79);
        range("福岡県", 80, 83);
        range("佐賀県", 84, 84);
        range("長崎県", 85, 85);
        range("熊本県", 86, 86);
        range("大分県", 87, 87);
        range("宮崎県", 88, 88);
        range("鹿児島県", 89, 89);
        range("沖縄県", 90, 90);
        range("福井県", 91, 91);
        range("石川県", 92, 92);
        range("富山県", 93, 93);
        range("新潟県", 94, 95);
        range("福島県", 96, 97);
        range("宮城県", 98, 98);
        range("山形県", 99, 99);
    }

    private PostalPrefectures() {}

    private static void range(String prefecture, int from, int to) {
        for (int i = from; i <= to; i++) {
            BY_FIRST_TWO[i] = prefecture;
        }
    }

    /**
     * Whether the postal code could belong to the prefecture. True when either is missing or not well-formed (other
     * checks name those).
     */
    public static boolean matches(String postalCode, String prefecture) {
        if (!AddressFormats.isPostalCode(postalCode) || !Prefectures.isPrefecture(prefecture)) {
            return true;
        }
        String digits = postalCode.strip().replace("-", "");
        List<String> either = ACROSS_A_BORDER.get(digits.substring(0, 3));
        if (either != null) {
            return either.contains(prefecture);
        }
        return prefecture.equals(BY_FIRST_TWO[Integer.parseInt(digits.substring(0, 2))]);
    }
}
