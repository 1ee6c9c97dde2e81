package jp.juchu.shop.orders;

/** お届け時間帯. */
public enum TimeSlot {
    Morning,
    From14To16,
    From16To18,
    From18To20,
    From19To21
}
