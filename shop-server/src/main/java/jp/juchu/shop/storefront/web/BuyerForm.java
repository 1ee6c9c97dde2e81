package jp.juchu.shop.storefront.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jp.juchu.support.address.AddressFormats;

/** The buyer's details (ご注文者情報), as the checkout form binds them. */
public class BuyerForm {

    static final String KANA = "^[\\p{InKatakana}ー\\s　]*$";
    static final String PHONE = "^$|^" + AddressFormats.PHONE + "$";
    static final String POSTAL = "^$|^" + AddressFormats.POSTAL_CODE + "$";

    @NotBlank(message = "{storefront.error.required}")
    @Size(max = 60, message = "{storefront.error.tooLong}")
    private String name = "";

    @NotBlank(message = "{storefront.error.required}")
    @Size(max = 60, message = "{storefront.error.tooLong}")
    @Pattern(regexp = KANA, message = "{storefront.error.kana}")
    private String kana = "";

    @NotBlank(message = "{storefront.error.required}")
    @Email(message = "{storefront.error.email}")
    @Size(max = 200, message = "{storefront.error.tooLong}")
    private String email = "";

    @NotBlank(message = "{storefront.error.required}")
    @Pattern(regexp = PHONE, message = "{storefront.error.phone}")
    private String phone = "";

    @NotBlank(message = "{storefront.error.required}")
    @Pattern(regexp = POSTAL, message = "{storefront.error.postal}")
    private String postalCode = "";

    @NotBlank(message = "{storefront.error.required}")
    private String prefecture = "";

    @NotBlank(message = "{storefront.error.required}")
    @Size(max = 100, message = "{storefront.error.tooLong}")
    private String address1 = "";

    @Size(max = 100, message = "{storefront.error.tooLong}")
    private String address2 = "";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKana() {
        return kana;
    }

    public void setKana(String kana) {
        this.kana = kana;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getPrefecture() {
        return prefecture;
    }

    public void setPrefecture(String prefecture) {
        this.prefecture = prefecture;
    }

    public String getAddress1() {
        return address1;
    }

    public void setAddress1(String address1) {
        this.address1 = address1;
    }

    public String getAddress2() {
        return address2;
    }

    public void setAddress2(String address2) {
        this.address2 = address2;
    }
}
