package jp.juchu.shop.storefront.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The 宛名 the buyer types for a receipt: one line, bounded, no control characters. */
public class ReceiptForm {

    static final int MAX_ADDRESSEE = 50;

    @Size(max = MAX_ADDRESSEE, message = "{storefront.receipt.error.addresseeTooLong}")
    @Pattern(regexp = "[^\\p{Cntrl}]*", message = "{storefront.receipt.error.addresseeControl}")
    private String addressee = "";

    public String getAddressee() {
        return addressee;
    }

    public void setAddressee(String addressee) {
        this.addressee = addressee == null ? "" : addressee.strip();
    }
}
