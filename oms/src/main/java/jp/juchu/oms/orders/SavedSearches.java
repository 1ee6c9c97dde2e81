package jp.juchu.oms.orders;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's saved searches (保存した検索条件) over the order list: a name and the list's query string. */
@Service
public class SavedSearches {

    public record SavedSearch(long id, String name, String query) {}

    private final JdbcClient jdbc;

    SavedSearches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SavedSearch> of(String owner) {
        return jdbc.sql("select id, name, query from saved_search where owner = ? order by name")
                .param(owner)
                .query(SavedSearch.class)
                .list();
    }

    /** Saves the filter under a name, replacing the owner's search of that name. */
    @Transactional
    public void save(String owner, String name, OrderFilter filter) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 50) {
            throw new IllegalArgumentException("検索条件の名前は1〜50文字で入力してください");
        }
        jdbc.sql("insert into saved_search (owner, name, query) values (?, ?, ?)"
                        + " on conflict (owner, name) do update set query = excluded.query")
                .params(owner, clean, filter.query())
                .update();
    }

    @Transactional
    public void remove(String owner, long id) {
        jdbc.sql("delete from saved_search where owner = ? and id = ?")
                .params(owner, id)
                .update();
    }
}
