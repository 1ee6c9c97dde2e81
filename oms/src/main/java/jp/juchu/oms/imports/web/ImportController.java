package jp.juchu.oms.imports.web;

import jp.juchu.oms.imports.ImportHistory;
import jp.juchu.oms.malls.MallConnection;
import jp.juchu.oms.malls.MallConnections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import page of one connection (受注取込): fetch now, run history with progress, quarantined orders. */
@Controller
class ImportController {

    private final ImportHistory history;
    private final MallConnections connections;

    ImportController(ImportHistory history, MallConnections connections) {
        this.history = history;
        this.connections = connections;
    }

    @GetMapping("/imports/{connectionId}")
    String page(@PathVariable long connectionId, Model model) {
        model.addAttribute("connection", mallConnection(connectionId));
        model.addAttribute("runs", history.runs(connectionId));
        model.addAttribute("quarantined", history.quarantined(connectionId));
        return "imports/page";
    }

    /** The run table alone, polled by htmx while a run is going. */
    @GetMapping("/imports/{connectionId}/runs")
    String runs(@PathVariable long connectionId, Model model) {
        model.addAttribute("connectionId", connectionId);
        model.addAttribute("runs", history.runs(connectionId));
        return "imports/page :: runs";
    }

    @PostMapping("/imports/{connectionId}/refetch")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String refetch(@PathVariable long connectionId, RedirectAttributes redirect) {
        mallConnection(connectionId);
        boolean scheduled = history.refetchWindow(connectionId);
        redirect.addFlashAttribute("message", scheduled ? "imports.refetch.scheduled" : "imports.runNow.running");
        return "redirect:/imports/" + connectionId;
    }

    @PostMapping("/imports/{connectionId}/run")
    @PreAuthorize("hasAnyRole('ADMIN', 'STAFF')")
    String runNow(@PathVariable long connectionId, RedirectAttributes redirect) {
        mallConnection(connectionId);
        boolean scheduled = history.runNow(connectionId);
        redirect.addFlashAttribute("message", scheduled ? "imports.runNow.scheduled" : "imports.runNow.running");
        return "redirect:/imports/" + connectionId;
    }

    /** A connection to a shop on a mall; the own channels (受注登録, データ取込) have nothing to fetch. */
    private MallConnection mallConnection(long connectionId) {
        return connections
                .find(connectionId)
                .filter(c -> !c.ownChannel())
                .orElseThrow(() -> new ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND, "no such connection"));
    }
}
