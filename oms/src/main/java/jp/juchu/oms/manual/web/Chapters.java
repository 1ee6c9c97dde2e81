package jp.juchu.oms.manual.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.juchu.support.text.KanaFold;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The manual's chapters (templates under {@code templates/manual/}), their sections ({@code <h2 id="…">}), the
 * search over their text, and which section explains which page.
 */
@Component
class Chapters {

    /** The chapters in reading order: address → title. */
    static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("start", "第1章 はじめに: ショップとの連携 【1】〜【11】");
        ALL.put("home", "第2章 ホーム");
        ALL.put("orders", "第3章 受注管理");
        ALL.put("shipping", "第4章 出荷 (送り状・伝票番号)");
        ALL.put("products", "第5章 商品管理");
        ALL.put("stock", "第6章 在庫管理・入出庫管理");
        ALL.put("sales", "第7章 売上データ");
        ALL.put("settings", "第8章 各種設定");
        ALL.put("data", "第9章 データリセット・受注データ削除");
        ALL.put("later", "第10章 準備中のメニュー");
    }

    /** Pages by the start of their address, longest first wins: address prefix → chapter#section. */
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("/orders/new", "orders#register");
        HELP.put("/orders/", "orders#detail");
        HELP.put("/orders", "orders#list");
        HELP.put("/exchange/import", "orders#import");
        HELP.put("/exchange/export", "orders#export");
        HELP.put("/customers", "orders#customers");
        HELP.put("/rules", "orders#rules");
        HELP.put("/mails", "orders#mails");
        HELP.put("/bundles", "orders#bundles");
        HELP.put("/products/listings", "products#listings");
        HELP.put("/products/candidates", "products#candidates");
        HELP.put("/products/csv", "products#csv");
        HELP.put("/products/new", "products#register");
        HELP.put("/products", "products#list");
        HELP.put("/stock/history", "stock#history");
        HELP.put("/stock/movements", "stock#movements");
        HELP.put("/stock/stocktakes", "stock#stocktakes");
        HELP.put("/stock-sync", "stock#sync");
        HELP.put("/stock", "stock#list");
        HELP.put("/purchasing", "stock#purchasing");
        HELP.put("/shipping", "shipping");
        HELP.put("/settings/mall-details", "start#link");
        HELP.put("/settings/wizard", "start#link");
        HELP.put("/settings/users", "settings#users");
        HELP.put("/settings/audit", "settings#audit");
        HELP.put("/settings/statuses", "settings#statuses");
        HELP.put("/settings/carriers", "settings#carriers");
        HELP.put("/settings", "settings");
        HELP.put("/imports", "start#imports");
        HELP.put("/sales/settings", "sales#settings");
        HELP.put("/sales/facts", "sales#facts");
        HELP.put("/sales", "sales");
        HELP.put("/maintenance", "data");
        HELP.put("/not-yet", "later");
    }

    /** Queries longer than this are cut: nobody searches a manual for a paragraph. */
    static final int MAX_QUERY = 50;

    static final int MAX_HITS = 30;

    private static final Pattern SECTION = Pattern.compile("<h2 id=\"([a-z0-9-]+)\"[^>]*>(.*?)</h2>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** A section of a chapter, with its text (tags removed), for the search. */
    record Section(String chapter, String chapterTitle, String id, String title, String text) {}

    /** A hit: the section and a piece of its text around the match. */
    record Hit(Section section, String excerpt) {}

    private final List<Section> sections;

    Chapters() {
        List<Section> all = new ArrayList<>();
        ALL.forEach((slug, title) -> all.addAll(sections(slug, title, read(slug))));
        this.sections = List.copyOf(all);
    }

    private static String read(String slug) {
        try (InputStream in = new ClassPathResource("templates/manual/" + slug + ".html").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("manual chapter " + slug, e);
        }
    }

    private static List<Section> sections(String slug, String chapterTitle, String html) {
        List<Section> found = new ArrayList<>();
        Matcher m = SECTION.matcher(html);
        List<int[]> starts = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), m.end()});
            heads.add(new String[] {m.group(1), text(m.group(2))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : html.length();
            String body = text(html.substring(starts.get(i)[1], end));
            found.add(new Section(slug, chapterTitle, heads.get(i)[0], heads.get(i)[1], body));
        }
        return found;
    }

    private static String text(String html) {
        return TAG.matcher(html).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    List<Section> sections(String chapter) {
        return sections.stream().filter(s -> s.chapter().equals(chapter)).toList();
    }

    /**
     * Sections whose title or text holds every word of the query (full and half width, kana folded): those whose title
     * holds them first, then the others, each in the manual's order, at most {@value #MAX_HITS}.
     */
    List<Hit> search(String query) {
        String q = query == null ? "" : query.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        List<String> words = List.of(KanaFold.fold(q).split("[\\s　]+")).stream()
                .filter(w -> !w.isBlank())
                .toList();
        if (words.isEmpty()) {
            return List.of();
        }
        List<Hit> inTitle = new ArrayList<>();
        List<Hit> inText = new ArrayList<>();
        for (Section s : sections) {
            String title = KanaFold.fold(s.title());
            String folded = title + " " + KanaFold.fold(s.text());
            if (words.stream().allMatch(folded::contains)) {
                Hit hit = new Hit(s, excerpt(s.text(), KanaFold.fold(s.text()), words.get(0)));
                (words.stream().allMatch(title::contains) ? inTitle : inText).add(hit);
            }
        }
        inTitle.addAll(inText);
        return List.copyOf(inTitle.subList(0, Math.min(MAX_HITS, inTitle.size())));
    }

    private static String excerpt(String text, String folded, String word) {
        int at = folded.indexOf(word);
        if (at < 0 || folded.length() != text.length()) {
            return text.length() > 120 ? text.substring(0, 120) + "…" : text;
        }
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + word.length() + 80);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    /** The chapter (and section) that explains the page at this address. */
    Optional<String> helpFor(String path) {
        if (path == null || path.isBlank() || path.equals("/")) {
            return Optional.of("home");
        }
        return HELP.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
