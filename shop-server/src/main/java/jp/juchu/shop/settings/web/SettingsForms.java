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
            List<String> codUpTo,
            List<String> codFee,
            boolean convenienceStore,
            @NotNull(message = "支払期限を入力してください") Integer convenienceStoreDays) {

        static PaymentsForm of(ShopSetup.Payments p) {
            List<String> upTo = new ArrayList<>();
            List<String> fee = new ArrayList<>();
            for (ShopSetup.CodFee step : p.codFees()) {
                upTo.add(step.upTo() == null ? "" : String.valueOf(step.upTo()));
                fee.add(String.valueOf(step.fee()));
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

        /** The rows of the COD table holding something other than half-width digits (1-based), to refuse them. */
        List<Integer> codRowsNotNumbers() {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < COD_ROWS; i++) {
                if (!number(cell(codUpTo, i)) || !number(cell(codFee, i))) {
                    rows.add(i + 1);
                }
            }
            return rows;
        }

        /** Rows with a fee are the table; a row's empty limit means "every amount above". */
        ShopSetup.Payments toPayments() {
            List<ShopSetup.CodFee> steps = new ArrayList<>();
            for (int i = 0; i < COD_ROWS; i++) {
                String fee = cell(codFee, i);
                if (!fee.isEmpty()) {
                    String limit = cell(codUpTo, i);
                    steps.add(new ShopSetup.CodFee(
                            limit.isEmpty() ? null : Integer.valueOf(limit), Integer.parseInt(fee)));
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

    private static List<String> padded(List<String> values) {
        List<String> rows = new ArrayList<>(values);
        while (rows.size() < COD_ROWS) {
            rows.add("");
        }
        return rows;
    }

    private static String cell(List<String> column, int row) {
        return column == null || row >= column.size() || column.get(row) == null
                ? ""
                : column.get(row).strip();
    }

    /** Blank, or up to 8 half-width digits (the bounds are the settings' own check). */
    private static boolean number(String cell) {
        return cell.isEmpty() || cell.matches("\\d{1,8}");
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
