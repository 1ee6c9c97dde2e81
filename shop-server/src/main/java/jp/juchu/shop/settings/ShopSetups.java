package jp.juchu.shop.settings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import jp.juchu.shop.orders.TimeSlot;
import jp.juchu.shop.shops.Shops;
import jp.juchu.support.address.Prefectures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each shop's settings (お店設定): the one place the storefront reads them from and the admin changes them
 * through. A shop that has saved nothing has {@link #defaults(String) the platform's defaults}.
 */
@Service
public class ShopSetups {

    /** The usual cash-on-delivery fee table (代引き手数料). */
    static final List<ShopSetup.CodFee> DEFAULT_COD_FEES = List.of(
            new ShopSetup.CodFee(10_000, 330),
            new ShopSetup.CodFee(30_000, 440),
            new ShopSetup.CodFee(100_000, 660),
            new ShopSetup.CodFee(null, 1_100));

    private static final int MAX_EXTRA = 100_000;

    private final JdbcClient jdbc;
    private final Shops shops;
    private final Validator validator;
    private final JsonMapper json = JsonMapper.builder().build();

    ShopSetups(JdbcClient jdbc, Shops shops, Validator validator) {
        this.jdbc = jdbc;
        this.shops = shops;
        this.validator = validator;
    }

    /** The shop's settings as the storefront applies them now. */
    public ShopSetup of(String shopId) {
        ShopSetup defaults = defaults(shopId);
        return jdbc.sql("select setup::text from shop_setup where shop_id = ?")
                .param(shopId)
                .query(String.class)
                .optional()
                .map(text -> json.readValue(text, ShopSetup.class))
                .map(stored -> new ShopSetup(
                        new ShopSetup.Details(
                                defaults.details().name(),
                                or(stored.details(), defaults.details()).company(),
                                or(stored.details(), defaults.details()).postalCode(),
                                or(stored.details(), defaults.details()).address(),
                                or(stored.details(), defaults.details()).phone(),
                                or(stored.details(), defaults.details()).email(),
                                or(stored.details(), defaults.details()).legalNotice(),
                                or(stored.details(), defaults.details()).invoiceNumber()),
                        or(stored.payments(), defaults.payments()),
                        or(stored.shipping(), defaults.shipping()),
                        or(stored.delivery(), defaults.delivery()),
                        or(stored.points(), defaults.points())))
                .orElse(defaults);
    }

    /**
     * What a shop starts with: every payment method (bank transfer without an account: buyers are told the shop
     * sends it), 800 yen shipping, free from 10,000 yen, 北海道 and 沖縄県 +1,000, 1 % points approved by hand.
     */
    public ShopSetup defaults(String shopId) {
        String name = shops.find(shopId).map(s -> s.name()).orElse(shopId);
        return new ShopSetup(
                new ShopSetup.Details(name, "", "", "", "", "", "", ""),
                new ShopSetup.Payments(
                        true,
                        true,
                        true,
                        new ShopSetup.BankAccount("", "", "普通", "", ""),
                        true,
                        DEFAULT_COD_FEES,
                        true,
                        10),
                new ShopSetup.Shipping(800, 10_000, Map.of("北海道", 1_000, "沖縄県", 1_000), 330),
                new ShopSetup.Delivery(
                        true,
                        3,
                        14,
                        java.util.Arrays.stream(TimeSlot.values())
                                .map(Enum::name)
                                .toList()),
                new ShopSetup.PointRules(1, ShopSetup.Approval.MANUAL, 7));
    }

    @Transactional
    public ShopSetup saveDetails(String shopId, ShopSetup.Details details) {
        return change(shopId, s -> new ShopSetup(details, s.payments(), s.shipping(), s.delivery(), s.points()));
    }

    @Transactional
    public ShopSetup savePayments(String shopId, ShopSetup.Payments payments) {
        return change(shopId, s -> new ShopSetup(s.details(), payments, s.shipping(), s.delivery(), s.points()));
    }

    @Transactional
    public ShopSetup saveShipping(String shopId, ShopSetup.Shipping shipping) {
        return change(shopId, s -> new ShopSetup(s.details(), s.payments(), shipping, s.delivery(), s.points()));
    }

    @Transactional
    public ShopSetup saveDelivery(String shopId, ShopSetup.Delivery delivery) {
        return change(shopId, s -> new ShopSetup(s.details(), s.payments(), s.shipping(), delivery, s.points()));
    }

    @Transactional
    public ShopSetup savePoints(String shopId, ShopSetup.PointRules points) {
        return change(shopId, s -> new ShopSetup(s.details(), s.payments(), s.shipping(), s.delivery(), points));
    }

    /**
     * Saves the whole of a shop's settings after checking them.
     *
     * @throws InvalidSetup naming every field that is wrong; nothing is saved
     */
    @Transactional
    public ShopSetup save(String shopId, ShopSetup setup) {
        ShopSetup normalised = normalise(setup);
        List<InvalidSetup.Problem> problems = check(normalised);
        if (!problems.isEmpty()) {
            throw new InvalidSetup(problems);
        }
        jdbc.sql("""
                        insert into shop_setup (shop_id, setup, updated_at) values (?, ?::jsonb, now())
                        on conflict (shop_id) do update set setup = excluded.setup, updated_at = excluded.updated_at""").params(shopId, json.writeValueAsString(normalised)).update();
        shops.rename(shopId, normalised.details().name());
        return normalised;
    }

    private ShopSetup change(String shopId, UnaryOperator<ShopSetup> change) {
        // one change at a time per shop, so that two sections saved together both stay
        jdbc.sql("select shop_id from shop where shop_id = ? for update")
                .param(shopId)
                .query(String.class)
                .optional();
        return save(shopId, change.apply(of(shopId)));
    }

    /** Strips text, orders the COD table, drops zero extras and repeated time slots. */
    private static ShopSetup normalise(ShopSetup s) {
        ShopSetup.Details d = s.details();
        ShopSetup.Details details = d == null
                ? null
                : new ShopSetup.Details(
                        strip(d.name()),
                        strip(d.company()),
                        strip(d.postalCode()),
                        strip(d.address()),
                        strip(d.phone()),
                        strip(d.email()),
                        d.legalNotice() == null ? "" : d.legalNotice().strip(),
                        strip(d.invoiceNumber()));
        ShopSetup.Payments p = s.payments();
        ShopSetup.Payments payments = p == null
                ? null
                : new ShopSetup.Payments(
                        p.card(),
                        p.cardTestMode(),
                        p.bankTransfer(),
                        p.bankAccount() == null
                                ? null
                                : new ShopSetup.BankAccount(
                                        strip(p.bankAccount().bank()),
                                        strip(p.bankAccount().branch()),
                                        strip(p.bankAccount().type()),
                                        strip(p.bankAccount().number()),
                                        strip(p.bankAccount().holder())),
                        p.cashOnDelivery(),
                        p.codFees() == null
                                ? null
                                : p.codFees().stream()
                                        .sorted(Comparator.comparing(
                                                ShopSetup.CodFee::upTo,
                                                Comparator.nullsLast(Comparator.naturalOrder())))
                                        .toList(),
                        p.convenienceStore(),
                        p.convenienceStoreDays());
        ShopSetup.Shipping sh = s.shipping();
        ShopSetup.Shipping shipping = sh == null
                ? null
                : new ShopSetup.Shipping(
                        sh.flatFee(),
                        sh.freeOver(),
                        sh.prefectureExtras() == null ? null : withoutZeros(sh.prefectureExtras()),
                        sh.giftWrappingFee());
        ShopSetup.Delivery de = s.delivery();
        ShopSetup.Delivery delivery = de == null
                ? null
                : new ShopSetup.Delivery(
                        de.datesOffered(),
                        de.earliestDays(),
                        de.daysOffered(),
                        de.timeSlots() == null
                                ? null
                                : de.timeSlots().stream().distinct().toList());
        return new ShopSetup(details, payments, shipping, delivery, s.points());
    }

    private List<InvalidSetup.Problem> check(ShopSetup s) {
        List<InvalidSetup.Problem> problems = new ArrayList<>();
        for (ConstraintViolation<ShopSetup> v : validator.validate(s)) {
            problems.add(new InvalidSetup.Problem(v.getPropertyPath().toString(), v.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(InvalidSetup.Problem::field));
            return problems;
        }
        ShopSetup.Payments p = s.payments();
        if (!p.card() && !p.bankTransfer() && !p.cashOnDelivery() && !p.convenienceStore()) {
            problems.add(new InvalidSetup.Problem("payments", "決済方法を1つ以上有効にしてください"));
        }
        if (p.card() && !p.cardTestMode()) {
            problems.add(
                    new InvalidSetup.Problem("payments.cardTestMode", "決済代行会社との接続が未設定のため、クレジットカードはテストモードでのみ利用できます"));
        }
        ShopSetup.BankAccount account = p.bankAccount();
        boolean anyGiven = !account.bank().isEmpty()
                || !account.branch().isEmpty()
                || !account.number().isEmpty()
                || !account.holder().isEmpty();
        if (anyGiven && !account.complete()) {
            // buyers are shown the account as it is: a half-filled one would send their money nowhere
            problems.add(
                    new InvalidSetup.Problem("payments.bankAccount", "振込先は銀行名・支店名・口座番号・口座名義をすべて入力してください (未定なら全て空欄に)"));
        }
        List<ShopSetup.CodFee> cod = p.codFees();
        for (int i = 0; i < cod.size(); i++) {
            boolean last = i == cod.size() - 1;
            if (last && cod.get(i).upTo() != null) {
                problems.add(new InvalidSetup.Problem("payments.codFees", "代引き手数料の最後の段階は上限金額を空欄にしてください (それを超える金額すべて)"));
            } else if (!last && cod.get(i).upTo() == null) {
                problems.add(new InvalidSetup.Problem("payments.codFees", "代引き手数料の上限金額を空欄にできるのは最後の段階だけです"));
            } else if (i > 0 && !last && cod.get(i).upTo().equals(cod.get(i - 1).upTo())) {
                problems.add(new InvalidSetup.Problem("payments.codFees", "代引き手数料の上限金額が重複しています"));
            }
        }
        for (Map.Entry<String, Integer> extra : s.shipping().prefectureExtras().entrySet()) {
            if (!Prefectures.ALL.contains(extra.getKey())) {
                problems.add(
                        new InvalidSetup.Problem("shipping.prefectureExtras", "都道府県名が正しくありません: " + extra.getKey()));
            } else if (extra.getValue() == null || extra.getValue() < 0 || extra.getValue() > MAX_EXTRA) {
                problems.add(new InvalidSetup.Problem(
                        "shipping.prefectureExtras", extra.getKey() + "の追加送料は0〜100,000円で入力してください"));
            }
        }
        Set<String> slots = new HashSet<>();
        for (TimeSlot t : TimeSlot.values()) {
            slots.add(t.name());
        }
        for (String slot : s.delivery().timeSlots()) {
            if (!slots.contains(slot)) {
                problems.add(new InvalidSetup.Problem("delivery.timeSlots", "お届け時間帯が正しくありません: " + slot));
            }
        }
        return problems;
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> extras) {
        Map<String, Integer> kept = new LinkedHashMap<>();
        extras.forEach((prefecture, extra) -> {
            if (extra == null || extra != 0) {
                kept.put(prefecture, extra);
            }
        });
        return kept;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
