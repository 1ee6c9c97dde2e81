package jp.juchu.oms.purchasing.internal;

import java.util.ArrayList;
import java.util.List;
import jp.juchu.oms.mails.Mails;
import jp.juchu.oms.settings.ContractorInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends the 発注書 PDF to the supplier by e-mail through the mails module, and records when, by whom and to where
 * on the purchase order. Download and print work without it.
 */
@Service
public class PurchaseOrderMailing {

    private final PurchaseOrders orders;
    private final Suppliers suppliers;
    private final PurchaseOrderSheets sheets;
    private final Mails mails;
    private final ContractorInfo contractor;

    PurchaseOrderMailing(
            PurchaseOrders orders,
            Suppliers suppliers,
            PurchaseOrderSheets sheets,
            Mails mails,
            ContractorInfo contractor) {
        this.orders = orders;
        this.suppliers = suppliers;
        this.sheets = sheets;
        this.mails = mails;
        this.contractor = contractor;
    }

    /**
     * @param to the address typed (blank: the supplier's)
     * @throws PurchasingRefused when the order is a draft or finished, the address is wrong, or the mail failed
     */
    @Transactional
    public String send(long id, String to, String actor) {
        PurchaseOrder po = orders.lock(id).orElseThrow(() -> new PurchasingRefused("発注伝票が見つかりません"));
        if (!po.status().inbound()) {
            throw new PurchasingRefused(
                    "発注伝票 " + po.number() + " は「" + po.status().label() + "」のため送信できません"
                            + (po.status() == PurchaseOrderStatus.DRAFT ? " (先に発注してください)" : ""));
        }
        Supplier supplier = suppliers.find(po.supplierId()).orElseThrow();
        List<String> p = new ArrayList<>();
        String address = Inputs.text(to, "送信先メールアドレス", 254, false, p);
        Inputs.refuseIfAny(p);
        if (address == null) {
            address = supplier.email();
        }
        if (address == null) {
            throw new PurchasingRefused("送信先メールアドレス: 仕入先にメールアドレスがありません。入力してください");
        }
        byte[] pdf = sheets.pdf(po);
        String company = contractor.get().map(c -> c.companyName()).orElse("");
        String body =
                supplier.name() + " 御中\n" + (supplier.contactPerson() == null ? "" : supplier.contactPerson() + " 様\n")
                        + "\nいつもお世話になっております。" + company + "です。\n"
                        + "発注書 (" + po.number() + ") をお送りします。添付のPDFをご確認ください。\n"
                        + "納期: " + PurchaseOrderSheets.day(po.dueOn()) + "\n\nよろしくお願いいたします。\n" + company + "\n";
        Mails.Sent sent = mails.sendDocument(
                address, company, "【発注書】" + po.number() + " " + company, body, "発注書_" + po.number() + ".pdf", pdf);
        if (!sent.queued()) {
            throw new PurchasingRefused(sent.message());
        }
        orders.recordSending(po.id(), actor, address);
        return address;
    }
}
