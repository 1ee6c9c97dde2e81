package jp.juchu.oms.documents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.juchu.oms.audit.AuditLog;
import jp.juchu.oms.documents.DeliveryNotes;
import jp.juchu.oms.documents.PickingLists;
import jp.juchu.oms.shipping.SlipExports;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Downloads of 納品書 and ピッキングリスト as PDF: for one order (its page), the orders chosen in the order list, or a
 * slip batch (出荷). A refusal (nothing chosen, too many, no 契約者情報) goes back to the page with the reason.
 */
@Controller
class DocumentController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final DeliveryNotes deliveryNotes;
    private final PickingLists pickingLists;
    private final SlipExports slipExports;
    private final AuditLog audit;
    private final Clock clock;

    DocumentController(
            DeliveryNotes deliveryNotes,
            PickingLists pickingLists,
            SlipExports slipExports,
            AuditLog audit,
            Clock clock) {
        this.deliveryNotes = deliveryNotes;
        this.pickingLists = pickingLists;
        this.slipExports = slipExports;
        this.audit = audit;
        this.clock = clock;
    }

    /** 納品書 of the orders chosen (GET from an order's page, POST from the order list's selection). */
    @RequestMapping(
            path = "/documents/delivery-notes",
            method = {RequestMethod.GET, RequestMethod.POST})
    String deliveryNotes(
            @RequestParam(name = "order", required = false) List<Long> ids,
            @RequestParam(required = false) String back,
            Authentication user,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        return send(
                response,
                redirect,
                back(back),
                "delivery-notes",
                user,
                "orders",
                "納品書",
                out -> deliveryNotes.write(ids, out));
    }

    /** ピッキングリスト of the orders chosen: the total per SKU ({@code layout=TOTAL}) or per order. */
    @RequestMapping(
            path = "/documents/picking-list",
            method = {RequestMethod.GET, RequestMethod.POST})
    String pickingList(
            @RequestParam(name = "order", required = false) List<Long> ids,
            @RequestParam(defaultValue = "TOTAL") PickingLists.Layout layout,
            @RequestParam(required = false) String back,
            Authentication user,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        return send(
                response,
                redirect,
                back(back),
                fileName(layout),
                user,
                "orders",
                "ピッキングリスト",
                out -> pickingLists.write(layout, ids, out));
    }

    /** 納品書 of a slip batch's orders still to ship, in the order of its slips. */
    @RequestMapping(path = "/documents/slip-batches/{id}/delivery-notes", method = RequestMethod.GET)
    String batchDeliveryNotes(
            @PathVariable long id, Authentication user, HttpServletResponse response, RedirectAttributes redirect)
            throws IOException {
        return send(
                response,
                redirect,
                "/shipping",
                "delivery-notes-batch-" + id,
                user,
                "slip_export:" + id,
                "納品書",
                out -> deliveryNotes.write(slipExports.ordersToShip(id), out));
    }

    /** ピッキングリスト of a slip batch's orders still to ship. */
    @RequestMapping(path = "/documents/slip-batches/{id}/picking-list", method = RequestMethod.GET)
    String batchPickingList(
            @PathVariable long id,
            @RequestParam(defaultValue = "TOTAL") PickingLists.Layout layout,
            Authentication user,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        return send(
                response,
                redirect,
                "/shipping",
                fileName(layout) + "-batch-" + id,
                user,
                "slip_export:" + id,
                "ピッキングリスト",
                out -> pickingLists.write(layout, slipExports.ordersToShip(id), out));
    }

    @FunctionalInterface
    private interface Print {
        int to(OutputStream out) throws IOException;
    }

    /**
     * Draws the whole PDF before its first byte goes out (the book keeps its pages in a temporary file), so that a
     * refusal can still become a redirect with its reason; the print is recorded in the audit log.
     */
    private String send(
            HttpServletResponse response,
            RedirectAttributes redirect,
            String back,
            String name,
            Authentication user,
            String target,
            String what,
            Print print)
            throws IOException {
        response.setContentType("application/pdf");
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + name + "-" + LocalDate.now(clock).format(DAY) + ".pdf\"");
        DeferredStream out = new DeferredStream(response);
        try {
            int orders = print.to(out);
            audit.record(user.getName(), "DOCUMENTS_PRINTED", target, what + " " + orders + "件");
            return null;
        } catch (IllegalArgumentException | IllegalStateException e) {
            if (out.started()) {
                throw e;
            }
            response.reset();
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + back;
        }
    }

    private static String fileName(PickingLists.Layout layout) {
        return layout == PickingLists.Layout.TOTAL ? "picking-total" : "picking-orders";
    }

    /** Where to go back to: a page of this app ("/…", not "//…"), else the order list. */
    static String back(String back) {
        return back != null && back.matches("/[A-Za-z0-9][A-Za-z0-9/_.?=&%-]{0,300}") ? back : "/orders";
    }

    /** The response's stream, opened at the first byte: until then the response can still become a redirect. */
    private static final class DeferredStream extends OutputStream {
        private final HttpServletResponse response;
        private OutputStream out;

        DeferredStream(HttpServletResponse response) {
            this.response = response;
        }

        boolean started() {
            return out != null;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                out = response.getOutputStream();
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }
    }
}
