package jp.juchu.oms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every module's texts share one message source: a key two files define shows one module's text on the other's page
 * (the manual's title once read 受注登録), whichever file comes first in the basename list.
 */
class MessageKeysTests {

    @Test
    void noKeyIsDefinedByTwoModulesMessageFiles() throws IOException {
        for (String language : List.of("", "_en")) {
            Map<String, List<String>> files = new TreeMap<>();
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath:messages/*" + language + ".properties")) {
                String name = file.getFilename();
                if (language.isEmpty() && name.contains("_")) {
                    continue;
                }
                Properties texts = new Properties();
                try (InputStream in = file.getInputStream()) {
                    texts.load(in);
                }
                texts.stringPropertyNames()
                        .forEach(key -> files.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(name));
            }
            files.values().removeIf(names -> names.size() < 2);
            assertThat(files)
                    .as("keys in more than one messages" + language + " file")
                    .isEmpty();
        }
    }
}
