package jp.juchu.oms.customers.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import jp.juchu.oms.customers.Customer;
import jp.juchu.oms.customers.CustomerChange;

/** The 顧客情報 edit form. Only the name is required; what is given must be well formed. */
record CustomerForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String kana,

        @Email(message = "{customers.email.invalid}") @Size(max = 254)
        String email,

        @Pattern(regexp = "[0-9-]{0,30}", message = "{customers.phone.pattern}")
        String phone,

        @Pattern(regexp = "(\\d{3}-?\\d{4})?", message = "{customers.postalCode.pattern}")
        String postalCode,

        String prefecture,
        @Size(max = 800) String address,
        @Size(max = 2000) String note) {

    static final List<String> PREFECTURES = List.of(
            "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県",
            "富山県", "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
            "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県",
            "鹿児島県", "沖縄県");

    /** Blank, or one of the 47 (an order may come without one). */
    boolean prefectureKnown() {
        return prefecture == null || prefecture.isBlank() || PREFECTURES.contains(prefecture);
    }

    static CustomerForm of(Customer c) {
        return new CustomerForm(
                c.name(), c.kana(), c.email(), c.phone(), c.postalCode(), c.prefecture(), c.address(), c.note());
    }

    CustomerChange change() {
        return new CustomerChange(name, kana, email, phone, postalCode, prefecture, address, note);
    }
}
