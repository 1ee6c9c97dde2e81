package jp.juchu.shop.customers.web;

import java.security.Principal;
import jp.juchu.shop.customers.ClientQuery;
import jp.juchu.shop.customers.Clients;
import jp.juchu.shop.customers.InvalidCustomer;
import jp.juchu.shop.customers.Member;
import jp.juchu.shop.customers.Members;
import jp.juchu.shop.customers.NotEnoughPoints;
import jp.juchu.shop.customers.Reviews;
import jp.juchu.shop.orders.Orders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 顧客管理 and 商品レビュー in the shop admin: client search, a member with points and orders, reviews. */
@Controller
class AdminCustomerController {

    private static final int PAGE_SIZE = 50;

    private final Clients clients;
    private final Members members;
    private final Reviews reviews;
    private final Orders orders;

    AdminCustomerController(Clients clients, Members members, Reviews reviews, Orders orders) {
        this.clients = clients;
        this.members = members;
        this.reviews = reviews;
        this.orders = orders;
    }

    @GetMapping("/admin/customers")
    String list(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kana,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String account,
            @RequestParam(required = false) String phone,
            @RequestParam(defaultValue = "0") int page,
            Principal principal,
            Model model) {
        ClientQuery query = new ClientQuery(email, account, name, kana, phone);
        int current = Math.max(0, page);
        model.addAttribute("query", query);
        model.addAttribute("page", current);
        model.addAttribute("result", clients.search(principal.getName(), query, current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("memberCount", members.count(principal.getName()));
        return "customers/list";
    }

    @GetMapping("/admin/customers/{account}")
    String member(@PathVariable String account, Principal principal, Model model) {
        String shopId = principal.getName();
        Member member =
                members.find(shopId, account).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("member", member);
        model.addAttribute("pendingPoints", members.pendingPoints(shopId, account));
        model.addAttribute("ledger", members.ledger(shopId, account, 50));
        model.addAttribute("orders", orders.ofMember(shopId, account, 50));
        return "customers/member";
    }

    @PostMapping("/admin/customers/{account}/points")
    String changePoints(
            @PathVariable String account,
            @RequestParam(required = false) Long change,
            @RequestParam(required = false) String reason,
            Principal principal,
            RedirectAttributes redirect) {
        try {
            if (change == null) {
                throw new InvalidCustomer("change", "ポイント数を入力してください");
            }
            members.changePoints(principal.getName(), account, change, reason, null);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidCustomer | NotEnoughPoints e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("change", change);
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/admin/customers/" + account;
    }

    @GetMapping("/admin/reviews")
    String reviews(
            @RequestParam(required = false) String item,
            @RequestParam(required = false) Integer rating,
            Principal principal,
            Model model) {
        model.addAttribute("reviews", reviews.list(principal.getName(), item, rating, 200));
        model.addAttribute("item", item);
        model.addAttribute("rating", rating);
        return "customers/reviews";
    }

    @PostMapping("/admin/reviews/{id}/publish")
    String publish(
            @PathVariable long id, @RequestParam boolean published, Principal principal, RedirectAttributes redirect) {
        try {
            reviews.publish(principal.getName(), id, published);
        } catch (InvalidCustomer e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/reviews";
    }

    @PostMapping("/admin/reviews/{id}/delete")
    String deleteReview(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
        try {
            reviews.delete(principal.getName(), id);
        } catch (InvalidCustomer e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/reviews";
    }
}
