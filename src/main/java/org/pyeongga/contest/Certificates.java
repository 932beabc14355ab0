package org.pyeongga.contest;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Objects;
import org.pyeongga.contest.AwardModel.AwardView;
import org.pyeongga.contest.AwardModel.Awardee;
import org.pyeongga.contest.AwardModel.ContestFacts;
import org.pyeongga.contest.AwardModel.DecisionView;
import org.pyeongga.core.UserFacingException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Award certificates (상장) as PDF: the awardee's name and department, the tier, the contest and case, the date of
 * the committee's 의결 and the head of the owner institution (e.g. 보령시장), in NanumGothic embedded in the file. The
 * owner's managers and HR officers may download every certificate of the current 의결; an awardee their own.
 */
@Service
public class Certificates {

    private static final String FONT = "NanumGothic";

    private final Decisions decisions;
    private final AwardPermissions permissions;

    Certificates(Decisions decisions, AwardPermissions permissions) {
        this.decisions = decisions;
        this.permissions = permissions;
    }

    /** A certificate as PDF bytes, with a file name. */
    public record Certificate(String fileName, byte[] pdf) {}

    public Certificate certificate(long contestId, long entryId, int position) {
        ContestFacts contest = decisions.contestOrNotFound(contestId);
        boolean staff = permissions.canManage(contest.ownerInstitutionId()) || permissions.isHr(contest.ownerInstitutionId());
        Long me = permissions.userId();
        if (!staff && me == null) {
            throw AwardPermissions.forbidden();
        }
        DecisionView decision = decisions.decided(contest)
                .orElseThrow(() -> staff ? UserFacingException.conflict("contestaward.error.noDecision") : AwardPermissions.forbidden());
        AwardView award = decision.awards().stream().filter(a -> a.entryId() == entryId).findFirst()
                .orElseThrow(() -> staff ? UserFacingException.notFound("contestaward.error.awardee") : AwardPermissions.forbidden());
        Awardee person = award.awardees().stream().filter(p -> p.position() == position).findFirst()
                .orElseThrow(() -> staff ? UserFacingException.notFound("contestaward.error.awardee") : AwardPermissions.forbidden());
        if (!staff && !Objects.equals(person.userId(), me)) {
            throw AwardPermissions.forbidden();
        }
        String number = "%d-%d-%d-%d".formatted(contest.year(), contest.id(), entryId, position);
        byte[] pdf = render(html(contest, award, person, decision.meetingDate(), number));
        return new Certificate("certificate-" + number + ".pdf", pdf);
    }

    /** The head of an institution as a certificate names it: 보령시 → 보령시장, 남해군 → 남해군수, 종로구 → 종로구청장. */
    static String headOf(String institutionName) {
        String name = institutionName.strip();
        name = name.substring(name.lastIndexOf(' ') + 1);
        if (name.endsWith("군")) {
            return name + "수";
        }
        if (name.endsWith("구")) {
            return name + "청장";
        }
        if (name.endsWith("도")) {
            return name + "지사";
        }
        if (name.endsWith("부")) {
            return name + " 장관";
        }
        if (name.endsWith("교육청")) {
            return name.substring(0, name.length() - 1) + "감";
        }
        return name + "장";
    }

    static String koreanDate(LocalDate date) {
        return "%d년 %d월 %d일".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private static String html(ContestFacts contest, AwardView award, Awardee person, LocalDate date, String number) {
        String department = person.departmentKo() != null ? person.departmentKo()
                : award.departmentKo() != null ? award.departmentKo() : "";
        return """
                <!DOCTYPE html>
                <html lang="ko"><head><meta charset="UTF-8"/><title>상장</title>
                <style>
                  @page { size: A4; margin: 22mm; }
                  body { font-family: 'NanumGothic'; color: #1d1d1d; }
                  .frame { border: 3px double #5a4a1a; padding: 16mm 14mm; height: 212mm; }
                  .number { font-size: 11pt; }
                  h1 { font-size: 40pt; text-align: center; letter-spacing: 18pt; margin: 14mm 0 10mm; font-weight: bold; }
                  .tier { font-size: 20pt; text-align: center; margin-bottom: 12mm; font-weight: bold; }
                  .who { font-size: 14pt; margin-left: 60mm; line-height: 1.8; }
                  .body { font-size: 15pt; line-height: 2; margin: 12mm 0; word-break: keep-all; }
                  .date { font-size: 14pt; text-align: center; margin-top: 16mm; }
                  .head { font-size: 22pt; text-align: center; margin-top: 12mm; font-weight: bold; }
                </style></head>
                <body><div class="frame">
                <div class="number">제 %s 호</div>
                <h1>상장</h1>
                <div class="tier">%s</div>
                <div class="who">소속: %s<br/>%s성명: %s</div>
                <div class="body">위 사람은 「%s」에서 ‘%s’ 사례로 적극행정을 실천하여 타의 모범이 되었으므로 이 상장을 수여합니다.</div>
                <div class="date">%s</div>
                <div class="head">%s</div>
                </div></body></html>
                """.formatted(esc(number), esc(award.tierKo()), esc(department),
                person.jobTitle().isBlank() ? "" : "직위: " + esc(person.jobTitle()) + "<br/>", esc(person.name()),
                esc(contest.titleKo()), esc(award.title()), esc(koreanDate(date)), esc(headOf(contest.ownerNameKo())));
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }

    static byte[] render(String html) {
        try (var out = new ByteArrayOutputStream()) {
            var builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font("fonts/NanumGothic.ttf"), FONT, 400, FontStyle.NORMAL, true);
            builder.useFont(() -> font("fonts/NanumGothicBold.ttf"), FONT, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return withSpacesReadable(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * NanumGothic maps U+0000 to the same glyph as the space, and PDFBox writes the first code of a glyph into the
     * ToUnicode map, so copied or extracted text would show NUL for every space. Points that glyph back at U+0020.
     */
    static byte[] withSpacesReadable(byte[] pdf) throws IOException {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf); var out = new ByteArrayOutputStream()) {
            for (var page : doc.getPages()) {
                var resources = page.getResources();
                for (var name : resources.getFontNames()) {
                    var font = resources.getFont(name).getCOSObject();
                    if (font.getDictionaryObject(org.apache.pdfbox.cos.COSName.TO_UNICODE) instanceof org.apache.pdfbox.cos.COSStream map) {
                        String cmap;
                        try (var in = map.createInputStream()) {
                            cmap = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                        }
                        String fixed = cmap.replaceAll("(?m)^(<[0-9A-Fa-f]{4}> <[0-9A-Fa-f]{4}> |<[0-9A-Fa-f]{4}> )<0000>$", "$1<0020>");
                        if (!fixed.equals(cmap)) {
                            try (var w = map.createOutputStream(org.apache.pdfbox.cos.COSName.FLATE_DECODE)) {
                                w.write(fixed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                            }
                        }
                    }
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static InputStream font(String path) {
        try {
            return new ClassPathResource(path).getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
