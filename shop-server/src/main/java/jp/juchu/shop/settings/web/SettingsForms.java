package jp.juchu.shop.settings.web;

import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.juchu.shop.settings.ShopSetup;
import jp.juchu.support.address.Prefectures;

/** The forms of お店設定, one per section, and their conversion to and from the settings. */
final class SettingsForms {

    /** Rows of the cash-on-delivery fee table the page offers. */
    static final int COD_ROWS = 6;

    private SettingsForms() {}

    record DetailsForm(
            String name,
            String company,
            String postalCode,
            String address,
            String phone,
            String email,
            String legalNotice,
            String invoiceNumber) {

        static DetailsForm of(ShopSetup.Details d) {
            return new DetailsForm(
                    d.name(),
                    d.company(),
                    d.postalCode(),
                    d.address(),
                    d.phone(),
                    d.email(),
                    d.legalNotice(),
                    d.invoiceNumber());
        }

        ShopSetup.Details toDetails() {
            return new ShopSetup.Details(
                    nz(name),
                    nz(company),
                    nz(postalCode),
                    nz(address),
                    nz(phone),
                    nz(email),
                    nz(legalNotice),
                    nz(invoiceNumber));
        }
    }

    record PaymentsForm(
            boolean card,
            boolean cardTestMode,
            boolean bankTransfer,
            String bank,
            String branch,
            String accountType,
            String accountNumber,
            String accountHolder,
            boolean cashOnDelivery,
            List<Integer> codUpTo,
            List<Integer> codFee,
            boolean convenienceStore,
            @NotNull(message = "支払期限を入力してください") Integer convenienceStoreDays) {

        static PaymentsForm of(ShopSetup.Payments p) {
            List<Integer> upTo = new ArrayList<>();
            List<Integer> fee = new ArrayList<>();
            for (ShopSetup.CodFee step : p.codFees()) {
                upTo.add(step.upTo());
                fee.add(step.fee());
            }
            ShopSetup.BankAccount a = p.bankAccount();
            return new PaymentsForm(
                    p.card(),
                    p.cardTestMode(),
                    p.bankTransfer(),
                    a.bank(),
                    a.branch(),
                    a.type(),
                    a.number(),
                    a.holder(),
                    p.cashOnDelivery(),
                    padded(upTo),
                    padded(fee),
                    p.convenienceStore(),
                    p.convenienceStoreDays());
        }

        /** Rows with a fee are the table; a row's empty limit means "every amount above". */
        ShopSetup.Payments toPayments() {
            List<ShopSetup.CodFee> steps = new ArrayList<>();
            List<Integer> fees = codFee == null ? List.of() : codFee;
            List<Integer> limits = codUpTo == null ? List.of() : codUpTo;
            for (int i = 0; i < Math.min(fees.size(), COD_ROWS); i++) {
                Integer limit = i < limits.size() ? limits.get(i) : null;
                if (fees.get(i) != null) {
                    steps.add(new ShopSetup.CodFee(limit, fees.get(i)));
                }
            }
            return new ShopSetup.Payments(
                    card,
                    cardTestMode,
                    bankTransfer,
                    new ShopSetup.BankAccount(
                            nz(bank),
                            nz(branch),
                            accountType == null ? "普通" : accountType,
                            nz(accountNumber),
                            nz(accountHolder)),
                    cashOnDelivery,
                    steps,
                    convenienceStore,
                    convenienceStoreDays);
        }
    }

    /** @param extras one per prefecture, in {@link Prefectures#ALL}'s order; blank for none */
    record ShippingForm(
            @NotNull(message = "送料を入力してください") Integer flatFee,
            Integer freeOver,
            List<Integer> extras,
            @NotNull(message = "ギフト包装料を入力してください") Integer giftWrappingFee) {

        static ShippingForm of(ShopSetup.Shipping s) {
            List<Integer> extras = new ArrayList<>();
            for (String prefecture : Prefectures.ALL) {
                extras.add(s.prefectureExtras().get(prefecture));
            }
            return new ShippingForm(s.flatFee(), s.freeOver(), extras, s.giftWrappingFee());
        }

        ShopSetup.Shipping toShipping() {
            Map<String, Integer> byPrefecture = new LinkedHashMap<>();
            for (int i = 0; extras != null && i < Math.min(extras.size(), Prefectures.ALL.size()); i++) {
                if (extras.get(i) != null) {
                    byPrefecture.put(Prefectures.ALL.get(i), extras.get(i));
                }
            }
            return new ShopSetup.Shipping(flatFee, freeOver, byPrefecture, giftWrappingFee);
        }
    }

    record DeliveryForm(
            boolean datesOffered,
            @NotNull(message = "最短お届け日を入力してください") Integer earliestDays,
            @NotNull(message = "指定できる日数を入力してください") Integer daysOffered,
            List<String> timeSlots) {

        static DeliveryForm of(ShopSetup.Delivery d) {
            return new DeliveryForm(d.datesOffered(), d.earliestDays(), d.daysOffered(), d.timeSlots());
        }

        ShopSetup.Delivery toDelivery() {
            return new ShopSetup.Delivery(
                    datesOffered, earliestDays, daysOffered, timeSlots == null ? List.of() : timeSlots);
        }
    }

    record PointsForm(
            @NotNull(message = "ポイント付与率を入力してください") Integer ratePercent,
            @NotNull(message = "承認方法を選んでください") ShopSetup.Approval approval,
            @NotNull(message = "自動承認までの日数を入力してください") Integer autoApproveDays) {

        static PointsForm of(ShopSetup.PointRules p) {
            return new PointsForm(p.ratePercent(), p.approval(), p.autoApproveDays());
        }

        ShopSetup.PointRules toPoints() {
            return new ShopSetup.PointRules(ratePercent, approval, autoApproveDays);
        }
    }

    private static List<Integer> padded(List<Integer> values) {
        List<Integer> rows = new ArrayList<>(values);
        while (rows.size() < COD_ROWS) {
            rows.add(null);
        }
        return rows;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
