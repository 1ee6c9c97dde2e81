package jp.juchu.shop.storefront.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The checkout (ご注文手続き) as one form; kept in the session between the form and the confirmation. */
public class CheckoutForm {

    public static final int MAX_DESTINATIONS = 5;

    @Valid
    private BuyerForm buyer = new BuyerForm();

    private List<DestinationForm> destinations = new ArrayList<>();

    @Size(max = 500, message = "{storefront.error.tooLong}")
    private String remarks = "";

    private String couponCode = "";
    private Integer pointsToUse;
    private String paymentMethod = "";
    private String cardNumber = "";
    private Integer cardExpiryMonth;
    private Integer cardExpiryYear;

    public BuyerForm getBuyer() {
        return buyer;
    }

    public void setBuyer(BuyerForm buyer) {
        this.buyer = buyer;
    }

    public List<DestinationForm> getDestinations() {
        return destinations;
    }

    public void setDestinations(List<DestinationForm> destinations) {
        this.destinations = destinations;
    }

    public String getRemarks() {
        return remarks;
    }

    public void setRemarks(String remarks) {
        this.remarks = remarks;
    }

    public String getCouponCode() {
        return couponCode;
    }

    public void setCouponCode(String couponCode) {
        this.couponCode = couponCode;
    }

    public Integer getPointsToUse() {
        return pointsToUse;
    }

    public void setPointsToUse(Integer pointsToUse) {
        this.pointsToUse = pointsToUse;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public void setPaymentMethod(String paymentMethod) {
        this.paymentMethod = paymentMethod;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public void setCardNumber(String cardNumber) {
        this.cardNumber = cardNumber;
    }

    public Integer getCardExpiryMonth() {
        return cardExpiryMonth;
    }

    public void setCardExpiryMonth(Integer cardExpiryMonth) {
        this.cardExpiryMonth = cardExpiryMonth;
    }

    public Integer getCardExpiryYear() {
        return cardExpiryYear;
    }

    public void setCardExpiryYear(Integer cardExpiryYear) {
        this.cardExpiryYear = cardExpiryYear;
    }
}
