package jp.juchu.shop.customers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.juchu.shop.orders.Orders;
import org.springframework.stereotype.Service;

/**
 * The client search (顧客検索): the shop's members, and guests as their orders know them. A guest who also
 * has a member account with the same e-mail address is found once, as the member.
 */
@Service
public class Clients {

    private final Members members;
    private final Orders orders;

    Clients(Members members, Orders orders) {
        this.members = members;
        this.orders = orders;
    }

    /** A page (from 0) of clients matching the query, members and guests by kana; and how many match. */
    public ClientPage search(String shopId, ClientQuery query, int from, int size) {
        int window = from + size;
        List<Client> found = new ArrayList<>();
        Set<String> emails = new HashSet<>();
        for (Member m : members.search(shopId, query, MAX)) {
            found.add(new Client(m.name(), m.kana(), m.email(), m.phone(), m.account(), m.points()));
            emails.add(m.email().toLowerCase(Locale.ROOT));
        }
        if (query.account() == null || query.account().isBlank()) {
            orders.guests(shopId, query.email(), query.name(), query.kana(), query.phone(), MAX).stream()
                    .filter(b -> emails.add(b.mailAddress().toLowerCase(Locale.ROOT)))
                    .forEach(
                            b -> found.add(new Client(b.name(), b.nameKana(), b.mailAddress(), b.phone(), null, null)));
        }
        found.sort(Comparator.comparing(Client::kana).thenComparing(Client::email));
        List<Client> page = found.subList(Math.min(from, found.size()), Math.min(window, found.size()));
        return new ClientPage(List.copyOf(page), found.size());
    }

    /** At most this many members and this many guests are looked at per search; narrow it to see more. */
    static final int MAX = 1000;

    public record ClientPage(List<Client> clients, long total) {}
}
