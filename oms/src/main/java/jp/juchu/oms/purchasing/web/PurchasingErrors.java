package jp.juchu.oms.purchasing.web;

import jp.juchu.oms.purchasing.internal.PurchasingRefused;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A refusal no page caught (a purchase order or supplier that is not there) as a page with the Japanese reason. */
@ControllerAdvice(
        assignableTypes = {
            SupplierController.class,
            PurchaseOrderController.class,
            SuggestionController.class,
            ReceivingController.class,
            SkuSettingsController.class
        })
class PurchasingErrors {

    @ExceptionHandler(PurchasingRefused.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String refused(PurchasingRefused e, Model model) {
        model.addAttribute("errors", e.problems());
        return "purchasing/refused";
    }
}
