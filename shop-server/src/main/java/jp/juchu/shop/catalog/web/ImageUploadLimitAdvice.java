package jp.juchu.shop.catalog.web;

import jp.juchu.shop.catalog.ShopImages;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload beyond what the server reads at all ({@code spring.servlet.multipart.max-file-size}, twice the
 * image limit) never reaches a controller; the image page says the limit instead of an error page.
 */
@ControllerAdvice
class ImageUploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooBig(RedirectAttributes redirect) {
        redirect.addFlashAttribute("uploadError", "画像は1枚" + ShopImages.MAX_BYTES / 1024 / 1024 + "MBまでです");
        return "redirect:/admin/images";
    }
}
