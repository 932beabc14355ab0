package org.pyeongga;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's file names stay true: every repository path it names in backticks exists. */
class ReadmeTests {

    static final Pattern PATH = Pattern.compile("`((?:src|docs|bin|\\.mvn|\\.ci)/[^`\\s*…]+)`");

    @Test
    void everyPathTheReadmeNamesExists() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        List<String> missing = new ArrayList<>();
        Matcher m = PATH.matcher(readme);
        int seen = 0;
        while (m.find()) {
            seen++;
            if (!Files.exists(Path.of(m.group(1)))) {
                missing.add(m.group(1));
            }
        }
        assertThat(seen).isGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    @Test
    void theCiRunsTheReadmesTestCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertThat(readme).contains("`./mvnw verify`");
        assertThat(ci).contains("./mvnw -B verify");
    }
}
