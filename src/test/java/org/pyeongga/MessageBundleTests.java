package org.pyeongga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every user-visible string comes from the message bundles: one Korean bundle (the default) and its English twin per
 * area, all listed in {@code spring.messages.basename}. Each twin has the same keys, no key is defined twice across
 * areas, every key a template or the Java code names exists, texts format, and templates hold no hard-coded words.
 */
class MessageBundleTests {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path JAVA = Path.of("src/main/java");
    static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
    static final Path BUNDLES = Path.of("src/main/resources/messages");
    /** Strings in quotes that look like message keys; those whose first segment is a key prefix must exist. */
    static final Pattern JAVA_KEY = Pattern.compile("\"([a-z]+)\\.([A-Za-z0-9_.]+)\"");
    /** Keys built from enums in Java (labelKey()) are checked by enumerating the enums' values. */
    static final List<Class<? extends Enum<?>>> LABELLED_ENUMS = List.of(
            org.pyeongga.organization.InstitutionKind.class, org.pyeongga.organization.InstitutionLevel.class,
            org.pyeongga.organization.ChangeType.class, org.pyeongga.organization.ImportOutcome.class,
            org.pyeongga.organization.ImportStatus.State.class, org.pyeongga.core.Role.class);

    @Test
    void everyBundleIsListedAndKoreanAndEnglishHaveTheSameKeys() throws IOException {
        List<String> files;
        try (Stream<Path> list = Files.list(BUNDLES)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties")).sorted().toList();
        }
        List<String> expected = new ArrayList<>();
        for (String base : basenames()) {
            expected.add(base + ".properties");
            expected.add(base + "_en.properties");
            assertThat(load(base + "_en.properties").stringPropertyNames()).as(base)
                    .containsExactlyInAnyOrderElementsOf(load(base + ".properties").stringPropertyNames());
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        Set<String> twice = new TreeSet<>();
        for (String base : basenames()) {
            for (String key : load(base + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(base + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyATemplateUsesExists() throws IOException {
        Set<String> keys = allKeys("");
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher m = TEMPLATE_KEY.matcher(Files.readString(template));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheJavaCodeNamesExists() throws IOException {
        Set<String> keys = allKeys("");
        Set<String> prefixes = new TreeSet<>();
        keys.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(JAVA)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1) + "." + m.group(2);
                    boolean prefix = key.endsWith(".");
                    if (prefixes.contains(m.group(1)) && !prefix && !keys.contains(key)) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        for (Class<? extends Enum<?>> type : LABELLED_ENUMS) {
            for (Enum<?> value : type.getEnumConstants()) {
                try {
                    String key = (String) type.getMethod("labelKey").invoke(value);
                    if (!keys.contains(key)) {
                        missing.add(type.getSimpleName() + ": " + key);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        for (String evaluationClass : List.of("METROPOLITAN", "CITY", "COUNTY", "DISTRICT", "CENTRAL", "EDUCATION",
                "PUBLIC", "OTHER")) {
            if (!keys.contains("institution.class." + evaluationClass)) {
                missing.add("institution.class." + evaluationClass);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTextFormatsWithoutLosingQuotesOrPlaceholders() throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> bundles = new ArrayList<>();
        for (String base : basenames()) {
            bundles.add(base + ".properties");
            bundles.add(base + "_en.properties");
        }
        for (String bundle : bundles) {
            Properties texts = load(bundle);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.isBlank()) {
                    broken.add(bundle + " " + key + ": empty");
                    continue;
                }
                if (text.matches("(?s).*\\{\\d.*")) {
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {"A", "B", "C", "D"});
                    if (formatted.matches("(?s).*\\{\\d.*") || text.replace("''", "").contains("'")) {
                        broken.add(bundle + " " + key + ": " + text);
                    }
                } else if (text.contains("''")) {
                    broken.add(bundle + " " + key + " has '' but no placeholder: " + text);
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            Document doc = Jsoup.parse(Files.readString(template));
            for (Element element : doc.getAllElements()) {
                for (TextNode text : element.textNodes()) {
                    String t = text.text().strip();
                    if (t.matches(".*[\\p{IsHangul}A-Za-z].*")) {
                        found.add(TEMPLATE_KEY.matcher("").reset(t).replaceAll("") + " in " + template.getFileName());
                    }
                }
                for (String attribute : List.of("title", "alt", "aria-label", "placeholder")) {
                    if (element.hasAttr(attribute) && element.attr(attribute).matches(".*[\\p{IsHangul}A-Za-z].*")) {
                        found.add(attribute + "=\"" + element.attr(attribute) + "\" in " + template.getFileName());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The bundles' file names without folder and suffix, in the order application.properties lists them. */
    static List<String> basenames() throws IOException {
        Properties application = new Properties();
        try (var in = MessageBundleTests.class.getResourceAsStream("/application.properties")) {
            application.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return Stream.of(application.getProperty("spring.messages.basename").split(","))
                .map(String::strip).map(b -> b.substring(b.lastIndexOf('/') + 1)).toList();
    }

    /** Every key of every Korean bundle ({@code suffix} "") or English one ("_en"). */
    static Set<String> allKeys(String suffix) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String base : basenames()) {
            keys.addAll(load(base + suffix + ".properties").stringPropertyNames());
        }
        return keys;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = MessageBundleTests.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
