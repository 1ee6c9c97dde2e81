package jp.juchu.shop.storefront.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import jp.juchu.shop.settings.ShopSetups;
import jp.juchu.shop.storefront.MemberOrders;
import jp.juchu.shop.storefront.StorefrontMembers;
import jp.juchu.shop.storefront.StorefrontPorts;
import jp.juchu.support.address.Prefectures;
import jp.juchu.support.time.JapanTime;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Members of a shop: registration, sign-in, and their own pages (order history and each order). */
@Controller
@RequestMapping("/shops/{shopId}")
class MemberController {

    private final StorefrontPorts ports;
    private final StorefrontSecurityConfiguration.MemberContextRepository contexts;

    private final ShopSetups setups;
    private final Clock clock;

    MemberController(
            StorefrontPorts ports,
            StorefrontSecurityConfiguration.MemberContextRepository contexts,
            ShopSetups setups,
            Clock clock) {
        this.ports = ports;
        this.contexts = contexts;
        this.setups = setups;
        this.clock = clock;
    }

    @GetMapping("/login")
    String loginForm(@PathVariable String shopId, @RequestParam(defaultValue = "") String next, Model model) {
        model.addAttribute("next", safeNext(shopId, next));
        return "storefront/login";
    }

    @PostMapping("/login")
    String login(
            @PathVariable String shopId,
            @RequestParam(defaultValue = "") String account,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String next,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!ports.members().passwordMatches(shopId, account.strip(), password)) {
            model.addAttribute("next", safeNext(shopId, next));
            model.addAttribute("account", account);
            model.addAttribute("error", "storefront.login.failed");
            return "storefront/login";
        }
        signIn(shopId, account.strip(), request, response);
        return "redirect:" + safeNext(shopId, next);
    }

    @GetMapping("/register")
    String registerForm(@ModelAttribute("registration") RegistrationForm form, Model model) {
        model.addAttribute("prefectures", Prefectures.ALL);
        return "storefront/register";
    }

    @PostMapping("/register")
    String register(
            @PathVariable String shopId,
            @Valid @ModelAttribute("registration") RegistrationForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (!errors.hasFieldErrors("prefecture") && !Prefectures.ALL.contains(form.getPrefecture())) {
            errors.rejectValue("prefecture", "storefront.error.required");
        }
        if (!errors.hasFieldErrors("account")
                && ports.members().find(shopId, form.getAccount().strip()).isPresent()) {
            errors.rejectValue("account", "storefront.error.accountTaken");
        }
        if (errors.hasErrors()) {
            form.setPassword("");
            model.addAttribute("prefectures", Prefectures.ALL);
            return "storefront/register";
        }
        String account = form.getAccount().strip();
        ports.members()
                .register(
                        shopId,
                        new StorefrontMembers.Registration(
                                account,
                                form.getPassword(),
                                form.getName().strip(),
                                form.getKana().strip(),
                                form.getEmail().strip(),
                                form.getPhone().strip(),
                                form.getPostalCode().strip(),
                                form.getPrefecture(),
                                form.getAddress1().strip(),
                                form.getAddress2().strip()));
        signIn(shopId, account, request, response);
        return "redirect:/shops/" + shopId + "/mypage?registered";
    }

    @GetMapping("/mypage")
    String mypage(@PathVariable String shopId, Authentication authentication, Model model) {
        model.addAttribute("orders", ports.orders().history(shopId, account(shopId, authentication)));
        return "storefront/mypage";
    }

    @GetMapping("/mypage/orders/{serialCode}")
    String order(
            @PathVariable String shopId, @PathVariable String serialCode, Authentication authentication, Model model) {
        model.addAttribute(
                "order",
                ports.orders()
                        .detail(shopId, account(shopId, authentication), serialCode)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("seller", setups.of(shopId).details());
        return "storefront/order";
    }

    /**
     * The printable receipt (領収書) of the member's own order, with the 適格簡易請求書 contents when the shop has a
     * registration number. Another member's order, or none, is 404; a cancelled order gets a message, no receipt.
     */
    @GetMapping("/mypage/orders/{serialCode}/receipt")
    String receipt(
            @PathVariable String shopId,
            @PathVariable String serialCode,
            @Valid @ModelAttribute("receiptForm") ReceiptForm form,
            BindingResult errors,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        MemberOrders.Receipt receipt = ports.orders()
                .receipt(shopId, account(shopId, authentication), serialCode)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("receipt", receipt);
        model.addAttribute("serialCode", serialCode);
        model.addAttribute("seller", setups.of(shopId).details());
        model.addAttribute("issuedOn", LocalDate.now(clock.withZone(JapanTime.TOKYO)));
        model.addAttribute("addressee", errors.hasErrors() ? "" : form.getAddressee());
        if (receipt.cancelled()) {
            response.setStatus(HttpStatus.CONFLICT.value());
        } else if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return "storefront/receipt";
    }

    private void signIn(String shopId, String account, HttpServletRequest request, HttpServletResponse response) {
        request.getSession(true);
        request.changeSessionId();
        Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(
                StorefrontSecurityConfiguration.MemberPrincipal.name(shopId, account),
                null,
                AuthorityUtils.createAuthorityList(StorefrontSecurityConfiguration.MemberPrincipal.ROLE));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.repository().saveContext(context, request, response);
    }

    private static String account(String shopId, Authentication authentication) {
        String account = StorefrontSecurityConfiguration.MemberPrincipal.account(authentication, shopId);
        if (account == null) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return account;
    }

    /** Only a path inside this shop's storefront; anything else goes to the shop's top page. */
    private static String safeNext(String shopId, String next) {
        String root = "/shops/" + shopId + "/";
        return next.startsWith(root) && !next.contains("//") && !next.contains("\\") ? next : root;
    }
}
