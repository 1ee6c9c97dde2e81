package jp.juchu.shop.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A shop's own settings (お店設定), read by the storefront at every checkout. An order keeps the amounts it
 * was placed with, so a change applies to new checkouts only.
 */
public record ShopSetup(
        @NotNull @Valid Details details,
        @NotNull @Valid Payments payments,
        @NotNull @Valid Shipping shipping,
        @NotNull @Valid Delivery delivery,
        @NotNull @Valid PointRules points) {

    /** One line of text: no control characters at all. */
    static final String LINE = "[^\\p{Cntrl}]*";

    /** Text of several lines: line breaks and tabs, but no other control character (NUL among them). */
    static final String TEXT = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    /**
     * The shop's details (店舗情報).
     *
     * @param legalNotice the 特定商取引法に基づく表記, shown on the storefront's page of that name
     * @param invoiceNumber the 適格請求書発行事業者 registration number ({@code T} and 13 digits), printed in
     *     the order mail, on the member's order page and on the receipt; blank when the shop is not registered
     */
    public record Details(
            @NotNull(message = "店の名前を入力してください")
            @Size(min = 1, max = 100, message = "店の名前は1〜100文字で入力してください")
            @Pattern(regexp = LINE, message = "店の名前に制御文字は使えません")
            String name,

            @NotNull
            @Size(max = 100, message = "会社名は100文字以内で入力してください")
            @Pattern(regexp = LINE, message = "会社名に制御文字は使えません")
            String company,

            @NotNull @Pattern(regexp = "|\\d{3}-?\\d{4}", message = "郵便番号は 123-4567 のように入力してください")
            String postalCode,

            @NotNull
            @Size(max = 200, message = "住所は200文字以内で入力してください")
            @Pattern(regexp = LINE, message = "住所に制御文字は使えません")
            String address,

            @NotNull @Pattern(regexp = "|0\\d{1,4}-?\\d{1,4}-?\\d{3,4}", message = "電話番号は 03-1234-5678 のように入力してください")
            String phone,

            @NotNull
            @Size(max = 200, message = "メールアドレスは200文字以内で入力してください")
            @Pattern(
                    regexp = "|[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+",
                    message = "メールアドレスの形式が正しくありません")
            String email,

            @NotNull
            @Size(max = 10_000, message = "特定商取引法に基づく表記は10,000文字以内で入力してください")
            @Pattern(regexp = TEXT, message = "特定商取引法に基づく表記に使えない制御文字が含まれています")
            String legalNotice,

            @NotNull @Pattern(regexp = "|T\\d{13}", message = "登録番号は T と13桁の数字で入力してください (例: T1234567890123)")
            String invoiceNumber) {}

    /**
     * Payment methods (決済方法) offered at checkout, each with its settings.
     *
     * @param cardTestMode card payments are test authorisations (no charge is made); the only mode without a
     *     payment gateway
     * @param codFees the cash-on-delivery fee table (代引き手数料), by the amount collected
     * @param convenienceStoreDays days the buyer has to pay at the store
     */
    public record Payments(
            boolean card,
            boolean cardTestMode,
            boolean bankTransfer,
            @NotNull @Valid BankAccount bankAccount,
            boolean cashOnDelivery,

            @NotNull @Size(min = 1, max = 10, message = "代引き手数料は1〜10段階で設定してください") @Valid
            List<CodFee> codFees,

            boolean convenienceStore,

            @Min(value = 1, message = "支払期限は1〜30日で入力してください") @Max(value = 30, message = "支払期限は1〜30日で入力してください")
            int convenienceStoreDays) {}

    /** The account buyers transfer to (振込先). */
    public record BankAccount(
            @NotNull
            @Size(max = 40, message = "銀行名は40文字以内で入力してください")
            @Pattern(regexp = LINE, message = "銀行名に制御文字は使えません")
            String bank,

            @NotNull
            @Size(max = 40, message = "支店名は40文字以内で入力してください")
            @Pattern(regexp = LINE, message = "支店名に制御文字は使えません")
            String branch,

            @NotNull @Pattern(regexp = "普通|当座", message = "口座種別は普通か当座を選んでください")
            String type,

            @NotNull @Pattern(regexp = "|\\d{7}", message = "口座番号は7桁の数字で入力してください")
            String number,

            @NotNull
            @Size(max = 60, message = "口座名義は60文字以内で入力してください")
            @Pattern(regexp = LINE, message = "口座名義に制御文字は使えません")
            String holder) {

        public boolean complete() {
            return !bank.isBlank() && !branch.isBlank() && !number.isBlank() && !holder.isBlank();
        }
    }

    /**
     * One step of the cash-on-delivery fee table.
     *
     * @param upTo the largest amount collected this fee applies to; {@code null} for every amount above
     */
    public record CodFee(
            @Min(value = 1, message = "代引き手数料の上限金額は1〜10,000,000円で入力してください")
            @Max(value = 10_000_000, message = "代引き手数料の上限金額は1〜10,000,000円で入力してください")
            Integer upTo,

            @Min(value = 0, message = "代引き手数料は0〜100,000円で入力してください")
            @Max(value = 100_000, message = "代引き手数料は0〜100,000円で入力してください")
            int fee) {}

    /**
     * Shipping fees (送料設定).
     *
     * @param flatFee per destination
     * @param freeOver items total (tax incl.) from which the flat fee is waived; {@code null} never
     * @param prefectureExtras added per destination in these prefectures (even when shipping is free)
     * @param giftWrappingFee per destination with gift wrapping (ギフト包装)
     */
    public record Shipping(
            @Min(value = 0, message = "送料は0〜100,000円で入力してください")
            @Max(value = 100_000, message = "送料は0〜100,000円で入力してください")
            int flatFee,

            @Min(value = 1, message = "送料無料の金額は1〜10,000,000円で入力してください")
            @Max(value = 10_000_000, message = "送料無料の金額は1〜10,000,000円で入力してください")
            Integer freeOver,

            @NotNull Map<String, Integer> prefectureExtras,

            @Min(value = 0, message = "ギフト包装料は0〜100,000円で入力してください")
            @Max(value = 100_000, message = "ギフト包装料は0〜100,000円で入力してください")
            int giftWrappingFee) {

        public int extra(String prefecture) {
            return prefectureExtras.getOrDefault(prefecture, 0);
        }
    }

    /**
     * Delivery dates and time slots (お届け日時) a buyer may ask for.
     *
     * @param earliestDays the first date offered, in days from the order
     * @param daysOffered how many dates are offered from the first
     * @param timeSlots the time slots offered, by their contract names ({@code Morning}, {@code From14To16} …)
     */
    public record Delivery(
            boolean datesOffered,

            @Min(value = 0, message = "最短お届け日は0〜30日後で入力してください") @Max(value = 30, message = "最短お届け日は0〜30日後で入力してください")
            int earliestDays,

            @Min(value = 1, message = "指定できる日数は1〜60日で入力してください") @Max(value = 60, message = "指定できる日数は1〜60日で入力してください")
            int daysOffered,

            @NotNull List<String> timeSlots) {}

    /**
     * Points (ポイント) a member earns on an order, pending until approved.
     *
     * @param ratePercent points per 100 yen of the items total after discounts
     * @param approval by the merchant only, or also automatically {@code autoApproveDays} after shipping
     */
    public record PointRules(
            @Min(value = 0, message = "ポイント付与率は0〜20%で入力してください") @Max(value = 20, message = "ポイント付与率は0〜20%で入力してください")
            int ratePercent,

            @NotNull(message = "承認方法を選んでください") Approval approval,

            @Min(value = 0, message = "自動承認までの日数は0〜90日で入力してください") @Max(value = 90, message = "自動承認までの日数は0〜90日で入力してください")
            int autoApproveDays) {

        /** Points earned on an amount (floor). */
        public long earnedOn(long amount) {
            return Math.max(0, Math.floorDiv(amount * ratePercent, 100));
        }
    }

    /** How pending points become usable. */
    public enum Approval {
        /** the merchant approves them on the page 承認待ちポイント */
        MANUAL,
        /** approved automatically the set number of days after the order shipped (or earlier by hand) */
        AFTER_SHIPPING
    }
}
