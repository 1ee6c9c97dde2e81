package jp.juchu.oms.customers.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.juchu.oms.customers.Customer;
import jp.juchu.oms.customers.CustomerChange;
import jp.juchu.support.address.AddressFormats;
import jp.juchu.support.address.Prefectures;

/** The 顧客情報 edit form. Only the name is required; what is given must be well formed. */
record CustomerForm(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String kana,

        @Email(message = "{customers.email.invalid}") @Size(max = 254)
        String email,

        @Pattern(regexp = "[0-9-]{0,30}", message = "{customers.phone.pattern}")
        String phone,

        @Pattern(regexp = "(" + AddressFormats.POSTAL_CODE + ")?", message = "{customers.postalCode.pattern}")
        String postalCode,

        String prefecture,
        @Size(max = 800) String address,
        @Size(max = 2000) String note) {

    /** Blank, or one of the 47 (an order may come without one). */
    boolean prefectureKnown() {
        return prefecture == null || prefecture.isBlank() || Prefectures.isPrefecture(prefecture);
    }

    static CustomerForm of(Customer c) {
        return new CustomerForm(
                c.name(), c.kana(), c.email(), c.phone(), c.postalCode(), c.prefecture(), c.address(), c.note());
    }

    CustomerChange change() {
        return new CustomerChange(name, kana, email, phone, postalCode, prefecture, address, note);
    }
}
