package jp.juchu.shop.customers;

/** Where a points entry stands: awaiting approval (承認待ち), approved (counted in the balance) or refused. */
public enum PointState {
    PENDING,
    APPROVED,
    REFUSED
}
