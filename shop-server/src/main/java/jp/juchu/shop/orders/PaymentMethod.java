package jp.juchu.shop.orders;

/** 支払方法. */
public enum PaymentMethod {
    CreditCard,
    BankTransfer,
    CashOnDelivery,
    ConvenienceStore,
    PostalTransfer
}
