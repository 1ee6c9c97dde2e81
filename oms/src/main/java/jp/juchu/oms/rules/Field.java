package jp.juchu.oms.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import jp.juchu.oms.orders.OrderDetail;
import jp.juchu.oms.products.Product;
import jp.juchu.support.address.PostalPrefectures;
import jp.juchu.support.address.RemoteIslands;

/**
 * What a condition can look at (条件項目). A field gives one value, or one per line or destination; those match when
 * any of them does, except the "every line" fields, which match when all do.
 */
public enum Field {
    SHOP("ショップ (接続ID)", Type.TEXT, f -> one(f.order().connectionId())),
    SOURCE("取込元 (API / CSV / MANUAL)", Type.TEXT, f -> one(f.source())),
    PAYMENT_METHOD("支払方法", Type.TEXT, f -> one(f.order().paymentMethod())),
    PAYMENT_KIND(
            "支払いの種類 (PREPAID / CARD / COD / DEFERRED)",
            Type.TEXT,
            f -> one(f.paymentKind().name())),
    PAYMENT_STATUS("入金状況 (ショップ)", Type.TEXT, f -> one(f.order().shopPaymentStatus())),
    ITEMS_TOTAL("商品合計", Type.NUMBER, f -> one(f.order().itemsTotal())),
    TOTAL("請求金額", Type.NUMBER, f -> one(f.order().total())),
    SHIPPING_FEE("送料", Type.NUMBER, f -> one(f.order().shippingFee())),
    COD_FEE("代引手数料", Type.NUMBER, f -> one(f.order().codFee())),
    FEES(
            "手数料合計 (送料・代引・ラッピング)",
            Type.NUMBER,
            f -> one(f.order().shippingFee() + f.order().codFee() + f.order().giftWrappingFee())),
    POINTS("ポイント利用", Type.NUMBER, f -> one(f.order().pointsUsed())),
    COUPON("クーポン値引", Type.NUMBER, f -> one(f.order().couponDiscount())),
    ITEM_CODE("商品コード (いずれかの行)", Type.TEXT, f -> lines(f, OrderDetail.Item::itemCode)),
    ITEM_CODE_EVERY("商品コード (すべての行)", Type.TEXT, f -> lines(f, OrderDetail.Item::itemCode), true),
    ITEM_NAME("商品名 (いずれかの行)", Type.TEXT, f -> lines(f, OrderDetail.Item::name)),
    LINE_QUANTITY("行の数量 (いずれかの行)", Type.NUMBER, f -> lines(f, OrderDetail.Item::quantity)),
    TOTAL_QUANTITY(
            "合計数量",
            Type.NUMBER,
            f -> one(f.lines().stream().mapToLong(OrderDetail.Item::quantity).sum())),
    LINE_COUNT("商品の行数", Type.NUMBER, f -> one(f.lines().size())),
    PREFECTURE("お届け先の都道府県", Type.TEXT, f -> shipments(f, OrderDetail.Shipment::prefecture)),
    POSTAL_CODE(
            "お届け先の郵便番号 (ハイフンなし)",
            Type.TEXT,
            f -> shipments(f, s -> s.postalCode() == null ? "" : s.postalCode().replaceAll("[^0-9]", ""))),
    ADDRESS("お届け先の住所", Type.TEXT, f -> shipments(f, s -> address(s))),
    POSTAL_MISMATCH("郵便番号と都道府県が合わない", Type.BOOLEAN, f -> one(postalMismatch(f.order()))),
    PHONE_MISSING(
            "お届け先の電話番号がない",
            Type.BOOLEAN,
            f -> one(f.order().shipments().stream()
                    .anyMatch(s -> s.phone() == null || s.phone().isBlank()))),
    RECIPIENT_NAME_LENGTH(
            "お届け先氏名の文字数",
            Type.NUMBER,
            f -> shipments(
                    f,
                    s -> s.name() == null
                            ? 0
                            : s.name().codePointCount(0, s.name().length()))),
    ADDRESS_LENGTH(
            "お届け先住所の文字数",
            Type.NUMBER,
            f -> shipments(f, s -> {
                String a = address(s);
                return a.codePointCount(0, a.length());
            })),
    BUYER_EMAIL("購入者のメールアドレス", Type.TEXT, f -> one(f.order().buyerEmail())),
    MEMBER(
            "会員の注文",
            Type.BOOLEAN,
            f -> one(f.order().memberAccount() != null
                    && !f.order().memberAccount().isBlank())),
    BLACKLISTED("ブラックリストの顧客 (購入者・メール・お届け先)", Type.BOOLEAN, f -> one(f.blacklisted())),
    PREVIOUS_ORDERS("過去の注文回数 (初回は0)", Type.NUMBER, f -> one(f.previousOrders())),
    DESTINATIONS("お届け先の数", Type.NUMBER, f -> one(f.order().shipments().size())),
    GIFT(
            "ギフト (購入者と別のお届け先)",
            Type.BOOLEAN,
            f -> one(f.order().shipments().stream()
                    .anyMatch(s -> !Operator.text(s.name())
                            .replace(" ", "")
                            .equals(Operator.text(f.order().buyerName()).replace(" ", ""))))),
    WRAPPING(
            "ラッピング・のし",
            Type.BOOLEAN,
            f -> one(f.order().shipments().stream()
                    .anyMatch(s ->
                            s.giftWrapping() || (s.noshi() != null && !s.noshi().isBlank())))),
    REMARKS("備考欄", Type.TEXT, f -> one(f.order().remarks())),
    DESIRED_DATE("お届け希望日", Type.DATE, f -> shipments(f, OrderDetail.Shipment::deliveryDate)),
    DAYS_TO_DESIRED_DATE(
            "お届け希望日までの日数",
            Type.NUMBER,
            f -> shipments(
                    f, s -> s.deliveryDate() == null ? null : ChronoUnit.DAYS.between(f.today(), s.deliveryDate()))),
    TIME_SLOT("お届け時間帯", Type.TEXT, f -> shipments(f, OrderDetail.Shipment::timeSlot)),
    UNMAPPED_ITEM("未登録商品の行がある", Type.BOOLEAN, f -> one(f.unmapped())),
    PRODUCT_CODE("SKUコード (セットは構成品)", Type.TEXT, f -> products(f, Product::code)),
    TEMPERATURE_ZONE("商品の温度帯 (NORMAL / CHILLED / FROZEN)", Type.TEXT, f -> products(f, Product::temperatureZone)),
    RELEASE_DATE("商品の発売日", Type.DATE, f -> products(f, Product::releaseDate)),
    PREORDER("予約商品を含む", Type.BOOLEAN, f -> one(f.products().stream().anyMatch(Product::preorder))),
    MADE_TO_ORDER("受注生産品を含む", Type.BOOLEAN, f -> one(f.products().stream().anyMatch(Product::madeToOrder))),
    STOCK_ALLOCATABLE("在庫: すべての行を引当できる (でない = 在庫が足りない行がある)", Type.BOOLEAN, f -> one(f.allocatable())),
    REMOTE_ISLAND(
            "お届け先が離島",
            Type.BOOLEAN,
            f -> one(f.order().shipments().stream().anyMatch(s -> RemoteIslands.contains(s.postalCode())))),
    CUSTOMER_TAG("顧客タグ", Type.TEXT, f -> f.customerTags().isEmpty() ? one("") : new ArrayList<>(f.customerTags())),
    SHOP_CARRIER(
            "配送方法 (ショップの指定)", Type.TEXT, f -> f.shopCarriers().isEmpty() ? one("") : new ArrayList<>(f.shopCarriers())),
    TAG("受注のタグ", Type.TEXT, f -> f.tags().isEmpty() ? one("") : new ArrayList<>(f.tags())),
    ALERT("受注のアラート", Type.TEXT, f -> one(f.order().alert())),
    ORDER_DATE("注文日", Type.DATE, f -> one(tokyo(f).toLocalDate())),
    ORDER_WEEKDAY(
            "注文の曜日 (月〜日)",
            Type.TEXT,
            f -> one(tokyo(f).getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE))),
    ORDER_HOUR("注文の時 (0〜23)", Type.NUMBER, f -> one(tokyo(f).getHour()));

    private final String label;
    private final Type type;
    private final Function<OrderFacts, List<Object>> values;
    private final boolean every;

    Field(String label, Type type, Function<OrderFacts, List<Object>> values) {
        this(label, type, values, false);
    }

    Field(String label, Type type, Function<OrderFacts, List<Object>> values, boolean every) {
        this.label = label;
        this.type = type;
        this.values = values;
        this.every = every;
    }

    public String label() {
        return label;
    }

    public Type type() {
        return type;
    }

    /** Whether the order satisfies {@code operator values} on this field. */
    boolean test(OrderFacts facts, Operator operator, List<String> given) {
        List<Object> actual = values.apply(facts);
        if (actual.isEmpty()) {
            actual = one("");
        }
        Stream<Object> each = actual.stream().map(v -> v == null ? "" : v);
        return every
                ? each.allMatch(v -> operator.test(type, v, given))
                : each.anyMatch(v -> operator.test(type, v, given));
    }

    /** The value(s) the order has in this field, for a trace. */
    String shown(OrderFacts facts) {
        return String.join(
                ", ",
                values.apply(facts).stream()
                        .map(v -> v == null ? "" : v.toString())
                        .toList());
    }

    /** The kinds of values, each with the operators it allows. */
    public enum Type {
        TEXT(EnumSet.of(
                Operator.EQUALS,
                Operator.NOT_EQUALS,
                Operator.ONE_OF,
                Operator.CONTAINS,
                Operator.NOT_CONTAINS,
                Operator.STARTS_WITH,
                Operator.EMPTY,
                Operator.NOT_EMPTY)),
        NUMBER(EnumSet.of(
                Operator.EQUALS,
                Operator.NOT_EQUALS,
                Operator.ONE_OF,
                Operator.AT_LEAST,
                Operator.AT_MOST,
                Operator.BETWEEN,
                Operator.EMPTY,
                Operator.NOT_EMPTY)),
        DATE(EnumSet.of(
                Operator.EQUALS,
                Operator.AT_LEAST,
                Operator.AT_MOST,
                Operator.BETWEEN,
                Operator.EMPTY,
                Operator.NOT_EMPTY)),
        BOOLEAN(EnumSet.of(Operator.IS_TRUE, Operator.IS_FALSE));

        private final Set<Operator> operators;

        Type(Set<Operator> operators) {
            this.operators = Collections.unmodifiableSet(operators);
        }

        public Set<Operator> operators() {
            return operators;
        }

        String parseProblem(String value) {
            if (value == null || value.isBlank()) {
                return "空の値は使えません";
            }
            if (value.length() > 200) {
                return "200文字までです";
            }
            try {
                switch (this) {
                    case NUMBER -> {
                        BigDecimal number = Operator.number(value);
                        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
                            return "数が大きすぎます";
                        }
                    }
                    case DATE -> LocalDate.parse(value.strip().replace('/', '-'));
                    default -> {}
                }
            } catch (NumberFormatException e) {
                return "数で入れてください";
            } catch (DateTimeParseException e) {
                return "日付は yyyy/MM/dd で入れてください";
            }
            return null;
        }
    }

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static java.time.ZonedDateTime tokyo(OrderFacts f) {
        return f.order().orderedAt().atZoneSameInstant(TOKYO);
    }

    private static List<Object> one(Object value) {
        List<Object> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    private static List<Object> lines(OrderFacts f, Function<OrderDetail.Item, Object> value) {
        return f.lines().stream().map(value).toList();
    }

    private static List<Object> products(OrderFacts f, Function<Product, Object> value) {
        return f.products().stream().map(value).toList();
    }

    private static List<Object> shipments(OrderFacts f, Function<OrderDetail.Shipment, Object> value) {
        List<Object> list = new ArrayList<>();
        f.order().shipments().forEach(s -> list.add(value.apply(s)));
        return list;
    }

    private static String address(OrderDetail.Shipment s) {
        return Objects.toString(s.prefecture(), "")
                + Objects.toString(s.address1(), "")
                + Objects.toString(s.address2(), "");
    }

    private static boolean postalMismatch(OrderDetail order) {
        return !PostalPrefectures.matches(order.buyerPostalCode(), order.buyerPrefecture())
                || order.shipments().stream().anyMatch(s -> !PostalPrefectures.matches(s.postalCode(), s.prefecture()));
    }
}
