package jp.juchu.shop.storefront.web;

import java.util.ArrayList;
import java.util.List;

/**
 * One delivery destination (お届け先) of the checkout: the address (or the buyer's own), the
 * quantity of each cart line sent there, the wished date and time slot, gift wrapping and noshi.
 */
public class DestinationForm {

    private boolean sameAsBuyer;
    private String name = "";
    private String kana = "";
    private String phone = "";
    private String postalCode = "";
    private String prefecture = "";
    private String address1 = "";
    private String address2 = "";
    private String deliveryDate = "";
    private String timeSlot = "";
    private boolean giftWrapping;
    private String noshi = "";
    private List<Integer> quantities = new ArrayList<>();

    public boolean isSameAsBuyer() {
        return sameAsBuyer;
    }

    public void setSameAsBuyer(boolean sameAsBuyer) {
        this.sameAsBuyer = sameAsBuyer;
    }

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

    public String getDeliveryDate() {
        return deliveryDate;
    }

    public void setDeliveryDate(String deliveryDate) {
        this.deliveryDate = deliveryDate;
    }

    public String getTimeSlot() {
        return timeSlot;
    }

    public void setTimeSlot(String timeSlot) {
        this.timeSlot = timeSlot;
    }

    public boolean isGiftWrapping() {
        return giftWrapping;
    }

    public void setGiftWrapping(boolean giftWrapping) {
        this.giftWrapping = giftWrapping;
    }

    public String getNoshi() {
        return noshi;
    }

    public void setNoshi(String noshi) {
        this.noshi = noshi;
    }

    public List<Integer> getQuantities() {
        return quantities;
    }

    public void setQuantities(List<Integer> quantities) {
        this.quantities = quantities;
    }
}
