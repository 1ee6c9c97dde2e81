package jp.juchu.shop.storefront.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Member registration (会員登録): an account and password, and the details the checkout pre-fills. */
public class RegistrationForm extends BuyerForm {

    @NotBlank(message = "{storefront.error.required}")
    @Pattern(regexp = "^$|^[A-Za-z0-9_.@-]{3,40}$", message = "{storefront.error.account}")
    private String account = "";

    @NotBlank(message = "{storefront.error.required}")
    @Size(min = 8, max = 100, message = "{storefront.error.password}")
    private String password = "";

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
