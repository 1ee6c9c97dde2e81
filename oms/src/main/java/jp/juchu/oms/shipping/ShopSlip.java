package jp.juchu.oms.shipping;

import jp.juchu.oms.settings.Contractor;

/**
 * モール配送伝票: how one shop's orders go on slips. Blank parts fall back to the merchant's own: no carrier means any,
 * no sender means 契約者情報, no remark means none.
 *
 * @param carrier the carrier the shop's orders ship with ({@code YAMATO} …), or null
 * @param slipRemark put in each slip's 記事 (before a rule's remark)
 */
public record ShopSlip(
        long connectionId,
        String carrier,
        String senderName,
        String senderPhone,
        String senderPostalCode,
        String senderPrefecture,
        String senderAddress,
        String slipRemark) {

    /** Whether the shop's slips name their own sender. */
    public boolean ownSender() {
        return senderName != null && !senderName.isBlank();
    }

    /** The sender the shop's slips name: its own, or the merchant's. */
    Contractor sender(Contractor merchant) {
        return ownSender()
                ? new Contractor(
                        senderName,
                        merchant.representative(),
                        senderPostalCode,
                        senderPrefecture,
                        senderAddress,
                        senderPhone,
                        merchant.email(),
                        merchant.registrationNumber())
                : merchant;
    }
}
