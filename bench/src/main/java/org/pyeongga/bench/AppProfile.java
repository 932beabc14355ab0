package org.pyeongga.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the app's CPU goes during a phase ({@code -Dbench.profile=true}): a Java Flight Recorder recording started and
 * dumped with {@code jcmd} on the app process, its execution samples sorted into the layers a vote passes through (first
 * matching rule wins), plus the hottest methods of our own code. The .jfr file stays for JDK Mission Control or
 * {@code jfr view hot-methods}.
 */
final class AppProfile {

    /** Rule order matters: a sample belongs to the innermost layer that is listed first. */
    private static final Map<String, List<String>> LAYERS = layers();

    private final long pid;
    private final Path file;

    private AppProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static AppProfile start(long pid, Path file) throws IOException, InterruptedException {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
        return new AppProfile(pid, file);
    }

    void stopAndPrint() throws IOException, InterruptedException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        Map<String, Integer> layers = new LinkedHashMap<>();
        LAYERS.keySet().forEach(k -> layers.put(k, 0));
        Map<String, Integer> ours = new TreeMap<>();
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                List<String> frames = new ArrayList<>();
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
                }
                String stack = String.join(" ", frames);
                String layer = "other";
                for (var rule : LAYERS.entrySet()) {
                    if (rule.getValue().stream().anyMatch(stack::contains)) {
                        layer = rule.getKey();
                        break;
                    }
                }
                layers.merge(layer, 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (String frame : frames) {
                    if (frame.startsWith("org.pyeongga.") && seen.add(frame)) {
                        ours.merge(frame, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("    app profile (%s, %d samples of running Java threads; GC and JIT not included):%n", file,
                samples);
        int total = Math.max(1, samples);
        layers.forEach((layer, n) -> {
            if (n > 0) {
                System.out.printf("      %5.1f %%  %s%n", 100.0 * n / total, layer);
            }
        });
        System.out.println("    our methods, inclusive:");
        ours.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("      %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> rules = new LinkedHashMap<>();
        rules.put("group commit writer threads (batch insert, commit)", List.of("VoteWriter.drain"));
        rules.put("tally job", List.of("Tallies.", "Counting."));
        rules.put("vote handler: voter token, ballot, eligibility, receipt, queueing", List.of("VotingApi.vote"));
        rules.put("identity handler (개발용 본인확인, token)", List.of("VotingApi.identity"));
        rules.put("Spring MVC: reading the JSON body (Jackson)", List.of("readWithMessageConverters"));
        rules.put("Spring MVC: writing the JSON answer (Jackson)", List.of("writeWithMessageConverters"));
        rules.put("Spring MVC: @ControllerAdvice @ModelAttribute methods run for API calls",
                List.of("ModelFactory.initModel", "RequestMappingHandlerAdapter.getModelFactory"));
        rules.put("Spring MVC: error handling", List.of("DispatcherServlet.processHandlerException"));
        rules.put("Spring MVC: finding the handler (path patterns)", List.of("DispatcherServlet.getHandler"));
        rules.put("Spring: ServletRequestHandledEvent after each request (listeners, transactions)",
                List.of("publishRequestHandledEvent"));
        rules.put("Spring MVC: interceptors, argument binding, the rest", List.of("DispatcherServlet"));
        rules.put("Spring Security filter chain", List.of("FilterChainProxy"));
        rules.put("our other servlet filters (rate limit, upload size)", List.of("RateLimitFilter", "UploadSizeFilter"));
        rules.put("Tomcat: sockets, HTTP parsing, servlet plumbing", List.of("org.apache.coyote", "org.apache.tomcat",
                "org.apache.catalina"));
        rules.put("JDBC driver and Hikari outside a request", List.of("org.postgresql", "com.zaxxer"));
        return rules;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new VotingRig.BenchFailure("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }
}
