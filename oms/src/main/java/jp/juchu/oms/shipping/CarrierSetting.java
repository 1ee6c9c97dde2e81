package jp.juchu.oms.shipping;

/** Whether the merchant ships with a carrier, whether it is the default, and their customer code there. */
public record CarrierSetting(Carrier carrier, boolean enabled, boolean isDefault, String customerCode) {}
