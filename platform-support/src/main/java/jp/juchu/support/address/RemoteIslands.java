package jp.juchu.support.address;

import java.util.List;

/**
 * Postal codes of Japan's inhabited remote islands (離島) that carriers deliver to late or with a surcharge: the one
 * list every 離島 check reads. Each entry is the start of a seven-digit postal code covering whole island towns, taken
 * from Japan Post's postal-code data (郵便番号データ, KEN_ALL) for the island municipalities below, as carriers' and
 * shops' 離島 lists name them. Islands joined to the mainland by a bridge (淡路島, 周防大島, 天草 …) are not 離島 for
 * the carriers and are left out. The list is deliberately bounded: a merchant who needs more uses the postal-code
 * conditions (で始まる / の範囲).
 */
public final class RemoteIslands {

    /** Postal-code starts, digits only, each with its islands (for the docs and the trace). */
    static final List<String[]> PREFIXES = List.of(
            new String[] {"04314", "奥尻島"},
            new String[] {"04315", "奥尻島"},
            new String[] {"0783871", "焼尻島"},
            new String[] {"0783955", "天売島"},
            new String[] {"09701", "利尻島 (利尻富士町)"},
            new String[] {"09702", "利尻島 (利尻富士町)"},
            new String[] {"09703", "利尻島 (利尻町)"},
            new String[] {"09704", "利尻島 (利尻町)"},
            new String[] {"09711", "礼文島"},
            new String[] {"09712", "礼文島"},
            new String[] {"9980281", "飛島"},
            new String[] {"10001", "伊豆大島"},
            new String[] {"10002", "伊豆大島"},
            new String[] {"10003", "利島"},
            new String[] {"10004", "新島"},
            new String[] {"10005", "式根島"},
            new String[] {"10006", "神津島"},
            new String[] {"10011", "三宅島"},
            new String[] {"10013", "御蔵島"},
            new String[] {"10014", "八丈島"},
            new String[] {"10015", "八丈島"},
            new String[] {"10016", "八丈島"},
            new String[] {"10017", "青ヶ島"},
            new String[] {"10021", "小笠原諸島"},
            new String[] {"952", "佐渡島"},
            new String[] {"9580061", "粟島"},
            new String[] {"68401", "隠岐 (知夫里島)"},
            new String[] {"68403", "隠岐 (西ノ島)"},
            new String[] {"68404", "隠岐 (中ノ島)"},
            new String[] {"685", "隠岐 (島後)"},
            new String[] {"7614", "小豆島"},
            new String[] {"8115", "壱岐"},
            new String[] {"817", "対馬"},
            new String[] {"853", "五島列島 (五島市)"},
            new String[] {"8574", "五島列島 (新上五島町・小値賀町・宇久島)"},
            new String[] {"8913", "種子島"},
            new String[] {"8914", "屋久島"},
            new String[] {"8915", "トカラ列島 (十島村)"},
            new String[] {"8916", "喜界島"},
            new String[] {"8917", "徳之島"},
            new String[] {"8918", "徳之島 (伊仙町)"},
            new String[] {"8919", "沖永良部島・与論島"},
            new String[] {"894", "奄美大島"},
            new String[] {"896", "甑島"},
            new String[] {"9013", "久米島・慶良間・粟国・渡名喜・大東諸島"},
            new String[] {"90505", "伊江島"},
            new String[] {"90506", "伊是名島"},
            new String[] {"90507", "伊平屋島"},
            new String[] {"906", "宮古島"},
            new String[] {"907", "石垣島・八重山諸島"});

    private RemoteIslands() {}

    /** Whether the postal code (with or without a hyphen, full or half width) is on a remote island. */
    public static boolean contains(String postalCode) {
        return island(postalCode) != null;
    }

    /** The island(s) the postal code is on, or null when it is not a 離島 of the list. */
    public static String island(String postalCode) {
        if (postalCode == null) {
            return null;
        }
        String digits = java.text.Normalizer.normalize(postalCode, java.text.Normalizer.Form.NFKC)
                .replaceAll("[^0-9]", "");
        if (digits.length() != 7) {
            return null;
        }
        for (String[] prefix : PREFIXES) {
            if (digits.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        return null;
    }
}
