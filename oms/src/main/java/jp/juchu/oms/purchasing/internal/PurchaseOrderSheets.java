package jp.juchu.oms.purchasing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.documents.PdfBook;
import jp.juchu.oms.documents.PdfBooks;
import jp.juchu.oms.documents.PdfFlow;
import jp.juchu.oms.documents.PdfTable;
import jp.juchu.oms.settings.Contractor;
import jp.juchu.oms.settings.ContractorInfo;
import jp.juchu.oms.system.JapaneseCsv;
import jp.juchu.support.money.Money;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/**
 * The purchase order as the supplier gets it: 発注書 as a PDF (A4, Japanese; the merchant from 契約者情報, the
 * supplier with its note) and as CSV (UTF-8 with BOM or Shift_JIS, formulas neutralised).
 */
@Service
public class PurchaseOrderSheets {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final PdfBooks books;
    private final ContractorInfo contractor;
    private final Suppliers suppliers;

    PurchaseOrderSheets(PdfBooks books, ContractorInfo contractor, Suppliers suppliers) {
        this.books = books;
        this.contractor = contractor;
        this.suppliers = suppliers;
    }

    /**
     * The 発注書 as PDF bytes (drawn whole before a byte is sent).
     *
     * @throws PurchasingRefused when 契約者情報 is not set (the merchant's details are missing)
     */
    public byte[] pdf(PurchaseOrder po) {
        Contractor merchant =
                contractor.get().orElseThrow(() -> new PurchasingRefused("発注書には契約者情報が必要です。各種設定 → 契約者情報 を登録してください"));
        Supplier supplier = suppliers.find(po.supplierId()).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfBook book = books.open("発注書 " + po.number())) {
            PdfFlow flow = new PdfFlow(book, 15f, (page, n) -> {
                if (n > 1) {
                    page.text(15f, 15f, 9f, false, "発注書 (続き) " + po.number());
                    return 22f;
                }
                page.textCentered(105f, 22f, 18f, true, "発 注 書");
                page.text(15f, 34f, 12f, true, supplier.name() + " 御中");
                float y = 40f;
                if (supplier.contactPerson() != null) {
                    page.text(15f, y, 9f, false, "ご担当: " + supplier.contactPerson() + " 様");
                    y += 5f;
                }
                if (supplier.fax() != null) {
                    page.text(15f, y, 9f, false, "FAX: " + supplier.fax());
                }
                page.textRight(195f, 34f, 9f, false, "発注番号: " + po.number());
                page.textRight(
                        195f,
                        39f,
                        9f,
                        false,
                        "発注日: " + day(po.orderedOn() == null ? LocalDate.now(JapanZone.ZONE) : po.orderedOn()));
                page.textRight(195f, 44f, 9f, true, "納期: " + day(po.dueOn()));
                page.textRight(195f, 52f, 10f, true, merchant.companyName());
                page.textRight(
                        195f,
                        57f,
                        8f,
                        false,
                        "〒" + merchant.postalCode() + " " + merchant.prefecture() + merchant.address());
                page.textRight(
                        195f,
                        61f,
                        8f,
                        false,
                        "TEL " + merchant.phone() + (merchant.email() == null ? "" : "  " + merchant.email()));
                page.text(15f, 62f, 10f, false, "下記のとおり発注いたします。");
                page.text(15f, 70f, 12f, true, "発注金額合計 (税抜): " + Money.yen(po.total()));
                page.line(15f, 72f, 110f, 72f, 0.6f);
                float next = 78f;
                if (supplier.paymentTerms() != null) {
                    page.text(15f, next, 9f, false, "支払条件: " + supplier.paymentTerms());
                    next += 6f;
                }
                return next;
            });
            PdfTable table = new PdfTable(
                    flow,
                    15f,
                    9f,
                    List.of(
                            new PdfTable.Column("No.", 10f, PdfTable.Align.RIGHT),
                            new PdfTable.Column("商品コード", 35f, PdfTable.Align.LEFT),
                            new PdfTable.Column("商品名", 75f, PdfTable.Align.LEFT),
                            new PdfTable.Column("数量", 18f, PdfTable.Align.RIGHT),
                            new PdfTable.Column("単価", 20f, PdfTable.Align.RIGHT),
                            new PdfTable.Column("金額", 22f, PdfTable.Align.RIGHT)));
            table.header();
            int no = 1;
            for (PurchaseOrder.Line l : po.lines()) {
                table.row(List.of(
                        String.valueOf(no++),
                        l.code(),
                        l.name(),
                        String.format("%,d", l.quantity()),
                        Money.yen(l.unitPrice()),
                        Money.yen(l.amount())));
            }
            table.row(
                    List.of(
                            "",
                            "",
                            "合計",
                            String.format(
                                    "%,d",
                                    po.lines().stream()
                                            .mapToLong(PurchaseOrder.Line::quantity)
                                            .sum()),
                            "",
                            Money.yen(po.total())),
                    true);
            List<String> notes = new ArrayList<>();
            if (po.note() != null) {
                notes.add(po.note());
            }
            if (supplier.orderNote() != null) {
                notes.add(supplier.orderNote());
            }
            if (!notes.isEmpty()) {
                flow.down(4f);
                flow.ensure(10f);
                flow.page().text(15f, flow.y() + 4f, 10f, true, "備考");
                flow.down(6f);
                for (String note : notes) {
                    for (String line : book.wrap(note, 9f, false, 180f, 12)) {
                        flow.ensure(5f);
                        flow.page().text(15f, flow.y() + 4f, 9f, false, line);
                        flow.down(4.6f);
                    }
                }
            }
            book.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The purchase order's lines as CSV: one row per line with the order's header fields repeated. */
    public void csv(PurchaseOrder po, boolean utf8, OutputStream out) throws IOException {
        Supplier supplier = suppliers.find(po.supplierId()).orElseThrow();
        CSVPrinter csv = JapaneseCsv.printer(out, utf8);
        csv.printRecord("発注番号", "発注日", "納期", "仕入先コード", "仕入先名", "行", "商品コード", "商品名", "数量", "単価", "金額", "入荷済", "残数");
        int no = 1;
        for (PurchaseOrder.Line l : po.lines()) {
            csv.printRecord(
                    po.number(),
                    po.orderedOn() == null ? "" : day(po.orderedOn()),
                    day(po.dueOn()),
                    JapaneseCsv.neutralised(supplier.code()),
                    JapaneseCsv.neutralised(supplier.name()),
                    no++,
                    JapaneseCsv.neutralised(l.code()),
                    JapaneseCsv.neutralised(l.name()),
                    l.quantity(),
                    l.unitPrice(),
                    l.amount(),
                    l.received(),
                    l.remaining());
        }
        csv.flush();
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }
}
