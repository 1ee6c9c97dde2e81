package jp.juchu.shop.catalog.web;

import java.io.IOException;
import java.security.Principal;
import java.util.UUID;
import jp.juchu.shop.catalog.InvalidImage;
import jp.juchu.shop.catalog.ShopImage;
import jp.juchu.shop.catalog.ShopImages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 画像管理: the shop's uploaded images, uploaded one at a time (optionally onto a product) and deleted. */
@Controller
class AdminImageController {

    private final ShopImages images;

    AdminImageController(ShopImages images) {
        this.images = images;
    }

    @GetMapping("/admin/images")
    String page(@RequestParam(required = false) String item, Principal principal, Model model) {
        return render(principal.getName(), item, model);
    }

    @PostMapping("/admin/images")
    String upload(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String itemCode,
            Principal principal,
            Model model,
            RedirectAttributes redirect) {
        String shopId = principal.getName();
        ShopImage image;
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidImage("画像ファイルを選んでください");
            }
            // over the limit is refused before the bytes are read into memory
            ShopImages.checkSize(file.getSize());
            image = images.upload(shopId, file.getOriginalFilename(), file.getBytes(), itemCode);
        } catch (InvalidImage e) {
            model.addAttribute("error", e.getMessage());
            return render(shopId, itemCode, model);
        } catch (IOException e) {
            model.addAttribute("error", "画像を受け取れませんでした。もう一度お試しください");
            return render(shopId, itemCode, model);
        }
        redirect.addFlashAttribute("uploaded", image.name());
        return image.itemCode() == null ? "redirect:/admin/images" : "redirect:/admin/images?item=" + image.itemCode();
    }

    @PostMapping("/admin/images/{imageId}/delete")
    String delete(@PathVariable String imageId, Principal principal, RedirectAttributes redirect) {
        UUID id;
        try {
            id = UUID.fromString(imageId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ShopImage image = images.find(principal.getName(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        images.delete(principal.getName(), id);
        redirect.addFlashAttribute("deleted", image.name());
        return "redirect:/admin/images";
    }

    private String render(String shopId, String item, Model model) {
        model.addAttribute("images", images.list(shopId, 0, ShopImages.MAX_PER_SHOP));
        model.addAttribute("count", images.count(shopId));
        model.addAttribute("maxPerShop", ShopImages.MAX_PER_SHOP);
        model.addAttribute("item", item == null ? "" : item.strip());
        return "catalog/images";
    }
}
