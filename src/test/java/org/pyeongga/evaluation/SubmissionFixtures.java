package org.pyeongga.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Cycles with an open (or closed) submission stage for 논산시 and 군산시, their people, and evidence files of every kind
 * made here: a PDF, an HWP (OLE2 with the HWP FileHeader), an HWPX (zip with its mimetype), an XLSX, a PNG.
 */
final class SubmissionFixtures {

    static final String OWNER = "owner.nonsan@test.pyeongga.kr";
    static final String COORDINATOR = "coordinator.nonsan@test.pyeongga.kr";
    static final String OTHER = "owner.gunsan@test.pyeongga.kr";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final Evaluations evaluations;
    final CycleStages stages;
    final EvaluationGroups groups;
    final InstitutionRegistry registry;
    final Accounts accounts;
    final UserDetailsService users;

    SubmissionFixtures(Evaluations evaluations, CycleStages stages, EvaluationGroups groups, InstitutionRegistry registry,
            Accounts accounts, UserDetailsService users) {
        this.evaluations = evaluations;
        this.stages = stages;
        this.groups = groups;
        this.registry = registry;
        this.accounts = accounts;
        this.users = users;
    }

    long nonsan() {
        return find("논산시");
    }

    long gunsan() {
        return find("군산시");
    }

    private long find(String name) {
        return registry.search(new InstitutionQuery(registry.today(), null, null, null, name, false), 0, 5).items().stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    /** The framework: two quantitative values, a bonus, a qualitative case, a citizen survey result. */
    static List<IndicatorSpec> framework() {
        return List.of(
                new IndicatorSpec("V1", "정량", "제도 활성화 노력", "사전컨설팅 건수", "QUANTITATIVE", new BigDecimal("20"),
                        "HIGHER_IS_BETTER", "MIN_MAX", null, null),
                new IndicatorSpec("V2", "정량", "이행 성과", "적극행정 우수공무원 선발 인원", "QUANTITATIVE", new BigDecimal("20"),
                        "HIGHER_IS_BETTER", "MIN_MAX", null, null),
                new IndicatorSpec("B1", "가점", "가점", "정부 포상 실적", "BONUS", new BigDecimal("2"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.TEN),
                new IndicatorSpec("Q1", "정성", "우수사례", "대표 우수사례", "QUALITATIVE", new BigDecimal("40"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("C1", "체감도", "주민체감도", "주민 만족도", "CITIZEN", new BigDecimal("18"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)));
    }

    /** A new cycle (run as the system) whose submission stage is open now, targets 논산시 and 군산시. */
    long openCycle() {
        return cycle(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(7)));
    }

    long cycle(Instant opens, Instant closes) {
        return asSystem(() -> {
            int n = SEQUENCE.incrementAndGet();
            String code = "TEST-SUBMIT-" + n + "-" + System.nanoTime() % 100000;
            long group = groups.define(code, "제출 시험 " + n, null, null, null, List.of(nonsan(), gunsan()));
            long program = evaluations.createProgram(code, "제출 시험 평가 " + n, null, "YEARLY");
            var rule = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                    new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false);
            long cycle = evaluations.createCycle(program, new NewCycle("2025년(2024년 실적)", 2025, 2024, null,
                    LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), rule,
                    List.of(new NewCycle.TargetGroup("시", group))));
            evaluations.defineFramework(cycle, framework());
            evaluations.publishFramework(cycle);
            stages.schedule(cycle, List.of(new StageWindow(CycleStage.SUBMISSION, opens, closes)));
            return cycle;
        });
    }

    void moveSubmission(long cycle, Instant opens, Instant closes) {
        asSystem(() -> {
            stages.schedule(cycle, List.of(new StageWindow(CycleStage.SUBMISSION, opens, closes)));
            return null;
        });
    }

    /** The test people (created once): 논산시's indicator owner and coordinator, 군산시's indicator owner. */
    synchronized void people() {
        person(OWNER, "논산시 지표 담당 (시험)", nonsan(), Role.INDICATOR_OWNER);
        person(COORDINATOR, "논산시 기관 총괄 (시험)", nonsan(), Role.INSTITUTION_COORDINATOR);
        person(OTHER, "군산시 지표 담당 (시험)", gunsan(), Role.INDICATOR_OWNER);
    }

    private void person(String email, String name, long institution, Role role) {
        if (!accounts.exists(email)) {
            asSystem(() -> accounts.create(email, name, TestUsers.PASSWORD, Set.of(new Membership(institution, role))));
        }
    }

    /** Runs {@code work} as the signed-in {@code email} (as a page request would), then signs out again. */
    <T> T as(String email, Supplier<T> work) {
        return org.pyeongga.support.SignedIn.as(users, email, work);
    }

    void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }

    static <T> T asSystem(Supplier<T> work) {
        SecurityContextHolder.clearContext();
        return work.get();
    }

    // ------------------------------------------------------------ files

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] png() {
        byte[] png = new byte[64];
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, png, 0, magic.length);
        return png;
    }

    /** An HWP 5 file as far as its container goes: OLE2 with a FileHeader stream carrying the signature. */
    static byte[] hwp() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            byte[] header = new byte[256];
            byte[] signature = "HWP Document File".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(signature, 0, header, 0, signature.length);
            fs.createDocument(new ByteArrayInputStream(header), "FileHeader");
            fs.createDocument(new ByteArrayInputStream(new byte[64]), "DocInfo");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OLE2 file that is not HWP (as a .doc would be). */
    static byte[] otherOle2() {
        try (POIFSFileSystem fs = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[128]), "WordDocument");
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hwpx() {
        try (var out = new ByteArrayOutputStream(); var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/hwp+zip".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("Contents/content.hpf"));
            zip.write("<opf:package/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] plainZip() {
        try (var out = new ByteArrayOutputStream(); var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx() {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            workbook.createSheet("증빙").createRow(0).createCell(0).setCellValue("실적");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
