package org.pyeongga.organization.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardCodeFileTests {

    private static final Charset CP949 = Charset.forName("x-windows-949");

    /** Columns in a different order than the standard file, with columns we ignore (서열순서, 대분류) mixed in. */
    private static final String GOOD_CSV = """
            서열순서,기관명,대분류,기관코드,차상위기관코드,최상위기관코드,기관간차수,기관전체명,이전기관코드,폐지일자,기관유형
            1,서울특별시,자치단체,6110000,,6110000,1,서울특별시,,,광역자치단체
            2,종로구,자치단체,3000000,6110000,6110000,2,서울특별시 종로구,,,기초자치단체
            3,부산광역시,자치단체,6260000,,6260000,1,부산광역시,,,광역자치단체
            4,강원도,자치단체,6420000,,6420000,1,강원도,,2023-06-11,광역자치단체
            5,강원특별자치도,자치단체,6530000,,6530000,1,강원특별자치도,6420000,,광역자치단체
            """;

    private static final List<StandardCodeRow> GOOD_ROWS = List.of(
            new StandardCodeRow(2, "6110000", "서울특별시", "서울특별시", "6110000", null, 1, null, null, "광역자치단체"),
            new StandardCodeRow(3, "3000000", "종로구", "서울특별시 종로구", "6110000", "6110000", 2, null, null,
                    "기초자치단체"),
            new StandardCodeRow(4, "6260000", "부산광역시", "부산광역시", "6260000", null, 1, null, null, "광역자치단체"),
            new StandardCodeRow(5, "6420000", "강원도", "강원도", "6420000", null, 1, null, LocalDate.of(2023, 6, 11),
                    "광역자치단체"),
            new StandardCodeRow(6, "6530000", "강원특별자치도", "강원특별자치도", "6530000", null, 1, "6420000", null,
                    "광역자치단체"));

    /** The header used by most problem tests: required columns first, then the optional ones we check. */
    private static final String HEADER = "기관코드,기관명,기관전체명,최상위기관코드,차상위기관코드,기관간차수,이전기관코드,폐지일자\n";

    @Nested
    class Csv {

        @Test
        void readsUtf8CsvWithColumnsInAnyOrderAndIgnoresUnknownColumns() {
            StandardCodeFile file = parse(GOOD_CSV.getBytes(StandardCharsets.UTF_8));

            assertThat(file.detectedFormat()).isEqualTo("CSV (UTF-8)");
            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).containsExactlyElementsOf(GOOD_ROWS);
            assertThat(file.totalDataRows()).isEqualTo(5);
        }

        @Test
        void readsTheSameContentSavedAsCp949() {
            StandardCodeFile file = parse(GOOD_CSV.getBytes(CP949));

            assertThat(file.detectedFormat()).isEqualTo("CSV (CP949)");
            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).containsExactlyElementsOf(GOOD_ROWS);
        }

        @Test
        void stripsUtf8ByteOrderMarkSoTheFirstHeaderIsRecognised() {
            String csv = """
                    기관코드,기관명
                    6110000,서울특별시
                    """;
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

            StandardCodeFile file = parse(concat(bom, csv.getBytes(StandardCharsets.UTF_8)));

            assertThat(file.detectedFormat()).isEqualTo("CSV (UTF-8)");
            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).extracting(StandardCodeRow::orgCode, StandardCodeRow::name)
                    .containsExactly(tuple("6110000", "서울특별시"));
        }

        @Test
        void readsQuotedFieldsWithCommasQuotesAndLineBreaksAndKeepsRowNumbersRight() {
            String csv = HEADER
                    + "6110000,서울특별시,\"서울특별시, 본청\",,,1,,\n"
                    + "3000000,종로구,\"서울특별시 \"\"종로구\"\"\r\n(청운효자동 일대)\",,6110000,2,,\r\n"
                    + "6260000,부산광역시,,,,1,,\n"
                    + "12345,부산 중구,,,,2,,\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).extracting(StandardCodeRow::rowNumber, StandardCodeRow::fullName)
                    .containsExactly(
                            tuple(2, "서울특별시, 본청"),
                            tuple(3, "서울특별시 \"종로구\"\n(청운효자동 일대)"),
                            tuple(5, null));
            assertThat(file.problems()).containsExactly(problem(6, "import.row.orgCode.format", "12345"));
        }

        @Test
        void skipsBlankLinesButCountsThemInRowNumbers() {
            String csv = "\n기관코드,기관명\n\n6110000,서울특별시\n   \n,\n6260000,부산광역시\n\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).extracting(StandardCodeRow::rowNumber).containsExactly(4, 7);
            assertThat(file.totalDataRows()).isEqualTo(2);
        }

        @Test
        void readsTabSeparatedFilesLikeTheCodeGoKrDownload() {
            String tsv = """
                    기관코드\t전체기관명\t최하위기관명\t차수\t서열\t소속기관차수\t차상위기관코드\t최상위기관코드\t폐지일자\t이전기관코드
                    6110000\t서울특별시\t서울특별시\t1\t1\t1\t\t6110000\t\t
                    3000000\t서울특별시 종로구\t종로구\t2\t2\t1\t6110000\t6110000\t\t
                    6420000\t강원도\t강원도\t1\t4\t1\t\t6420000\t20230611\t
                    6530000\t강원특별자치도\t강원특별자치도\t1\t5\t1\t\t6530000\t\t6420000
                    """;

            StandardCodeFile file = parse(tsv.getBytes(CP949));

            assertThat(file.detectedFormat()).isEqualTo("CSV (CP949)");
            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).containsExactly(
                    new StandardCodeRow(2, "6110000", "서울특별시", "서울특별시", "6110000", null, 1, null, null, null),
                    new StandardCodeRow(3, "3000000", "종로구", "서울특별시 종로구", "6110000", "6110000", 2, null, null,
                            null),
                    new StandardCodeRow(4, "6420000", "강원도", "강원도", "6420000", null, 1, null,
                            LocalDate.of(2023, 6, 11), null),
                    new StandardCodeRow(5, "6530000", "강원특별자치도", "강원특별자치도", "6530000", null, 1, "6420000",
                            null, null));
        }

        @Test
        void acceptsLatinAliasesInAnyCaseWithSurroundingSpaces() {
            String csv = " ORG_CD , Low_Nm ,full_nm,HIGH_CD,top_cd,gap_no\n3000000,종로구,서울특별시 종로구,6110000,6110000,2\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).containsExactly(new StandardCodeRow(2, "3000000", "종로구", "서울특별시 종로구",
                    "6110000", "6110000", 2, null, null, null));
        }

        @Test
        void reportsAShortRowAndIgnoresExtraEmptyTrailingFields() {
            String csv = "기관코드,기관명,기관전체명\n"
                    + "6110000,서울특별시,서울특별시,,\n"
                    + "6260000,부산광역시\n"
                    + "6280000,인천광역시,인천광역시,남는 값\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).extracting(StandardCodeRow::orgCode).containsExactly("6110000");
            assertThat(file.problems()).containsExactly(
                    problem(3, "import.row.columns", "3", "2"),
                    problem(4, "import.row.columns", "3", "4"));
            assertThat(file.totalDataRows()).isEqualTo(3);
        }

        @Test
        void reportsAnUnclosedQuoteAtTheRowWhereItStarts() {
            String csv = "기관코드,기관명,기관전체명\n6110000,서울특별시,서울특별시\n6260000,부산광역시,\"부산광역시\n6280000,인천광역시,인천광역시\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).extracting(StandardCodeRow::orgCode).containsExactly("6110000");
            assertThat(file.problems()).containsExactly(problem(3, "import.row.unclosedQuote"));
        }
    }

    @Nested
    class RowProblems {

        @Test
        void reportsEachKindOfRowProblemWithItsArguments() {
            String longName = "가".repeat(101);
            String longFullName = "나".repeat(301);
            String csv = HEADER
                    + ",서울특별시,,,,,,\n"                              // 2: code missing
                    + "611000a,서울특별시,,,,,,\n"                       // 3: code format (letters must be upper case)
                    + "6110000,,,,,,,\n"                                 // 4: name missing
                    + "6260000," + longName + ",,,,,,\n"                 // 5: name too long
                    + "6270000,대구광역시," + longFullName + ",,,,,\n"   // 6: full name too long
                    + "6280000,인천광역시,,628000,,,,\n"                 // 7: top code format
                    + "3000000,종로구,,,61100000,,,\n"                   // 8: parent code format
                    + "6290000,광주광역시,,,,0,,\n"                      // 9: depth zero
                    + "6300000,대전광역시,,,,첫째,,\n"                   // 10: depth not a number
                    + "6530000,강원특별자치도,,,,,642-0000,\n"           // 11: previous code format
                    + "6420000,강원도,,,,,,2023-06-31\n";                // 12: no such date

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).isEmpty();
            assertThat(file.totalDataRows()).isEqualTo(11);
            assertThat(file.problems()).containsExactly(
                    problem(2, "import.row.orgCode.missing"),
                    problem(3, "import.row.orgCode.format", "611000a"),
                    problem(4, "import.row.name.missing"),
                    problem(5, "import.row.name.tooLong", "100"),
                    problem(6, "import.row.fullName.tooLong", "300"),
                    problem(7, "import.row.code.format", "최상위기관코드", "628000"),
                    problem(8, "import.row.code.format", "차상위기관코드", "61100000"),
                    problem(9, "import.row.depth.format", "0"),
                    problem(10, "import.row.depth.format", "첫째"),
                    problem(11, "import.row.code.format", "이전기관코드", "642-0000"),
                    problem(12, "import.row.date.format", "2023-06-31"));
        }

        @Test
        void acceptsNamesAtExactlyTheLengthLimits() {
            String csv = HEADER + "6110000," + "가".repeat(100) + "," + "나".repeat(300) + ",,,,,\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).hasSize(1);
        }

        @Test
        void reportsEveryProblemOfARowAndKeepsTheOtherRows() {
            String csv = HEADER
                    + "6110000,서울특별시,서울특별시,,,1,,\n"
                    + "61100,,,6110000x,,-1,,2023-13-01\n"
                    + "6260000,부산광역시,부산광역시,,,1,,\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).extracting(StandardCodeRow::orgCode).containsExactly("6110000", "6260000");
            assertThat(file.problems()).containsExactly(
                    problem(3, "import.row.orgCode.format", "61100"),
                    problem(3, "import.row.name.missing"),
                    problem(3, "import.row.code.format", "최상위기관코드", "6110000x"),
                    problem(3, "import.row.depth.format", "-1"),
                    problem(3, "import.row.date.format", "2023-13-01"));
            assertThat(file.totalDataRows()).isEqualTo(3);
        }

        @Test
        void reportsEveryLaterOccurrenceOfACodeWithTheRowWhereItFirstAppeared() {
            String csv = "기관코드,기관명\n"
                    + "6110000,서울특별시\n"
                    + "6260000,부산광역시\n"
                    + "6110000,서울특별시청\n"
                    + "6110000,서울시\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).extracting(StandardCodeRow::rowNumber).containsExactly(2, 3);
            assertThat(file.problems()).containsExactly(
                    problem(4, "import.row.orgCode.duplicate", "6110000", "2"),
                    problem(5, "import.row.orgCode.duplicate", "6110000", "2"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-06-11", "20230611", "2023.06.11", "2023/06/11"})
        void acceptsAllFourDateFormats(String written) {
            String csv = "기관코드,기관명,폐지일자\n6420000,강원도," + written + "\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).singleElement()
                    .extracting(StandardCodeRow::abolishedOn).isEqualTo(LocalDate.of(2023, 6, 11));
        }

        @ParameterizedTest
        @ValueSource(strings = {"2023-02-29", "2023-6-11", "11/06/2023", "2023-06-11 00:00:00", "2023년 6월 11일"})
        void rejectsOtherOrImpossibleDates(String written) {
            String csv = "기관코드,기관명,폐지일자\n6420000,강원도," + written + "\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.rows()).isEmpty();
            assertThat(file.problems()).containsExactly(problem(2, "import.row.date.format", written));
        }
    }

    @Nested
    class FileProblems {

        @Test
        void reportsAMissingRequiredColumnAndReadsNoRows() {
            String csv = "기관코드,기관전체명\n6110000,서울특별시\n6260000,부산광역시\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).containsExactly(problem(0, "import.file.missingColumn", "기관명"));
            assertThat(file.rows()).isEmpty();
        }

        @Test
        void reportsBothRequiredColumnsWhenTheFirstLineIsNotAHeader() {
            String csv = "6110000,서울특별시\n6260000,부산광역시\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).containsExactly(
                    problem(0, "import.file.missingColumn", "기관코드"),
                    problem(0, "import.file.missingColumn", "기관명"));
            assertThat(file.rows()).isEmpty();
        }

        @Test
        void reportsTwoHeadersForTheSameField() {
            String csv = "기관코드,기관명,최하위기관명\n6110000,서울특별시,서울특별시\n";

            StandardCodeFile file = parse(csv.getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).containsExactly(problem(0, "import.file.duplicateColumn", "최하위기관명"));
            assertThat(file.rows()).isEmpty();
        }

        @Test
        void reportsAnEmptyFile() {
            assertThat(parse(new byte[0]).problems()).containsExactly(problem(0, "import.file.empty"));
            assertThat(parse(" \r\n\n,,\n".getBytes(StandardCharsets.UTF_8)).problems())
                    .containsExactly(problem(0, "import.file.empty"));
        }

        @Test
        void rejectsLegacyExcelFilesByTheirSignature() throws IOException {
            byte[] xls;
            try (HSSFWorkbook workbook = new HSSFWorkbook(); var out = new ByteArrayOutputStream()) {
                workbook.createSheet().createRow(0).createCell(0).setCellValue("기관코드");
                workbook.write(out);
                xls = out.toByteArray();
            }

            StandardCodeFile file = StandardCodeFile.parse("기관코드.xlsx", xls);

            assertThat(file.detectedFormat()).isEqualTo("XLS");
            assertThat(file.problems()).containsExactly(problem(0, "import.file.xlsOnly"));
        }

        @Test
        void rejectsOtherOle2DocumentsAsUnreadable() throws IOException {
            byte[] hwpLike;
            try (POIFSFileSystem fileSystem = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
                // HWP 5 documents are OLE2 containers too; they must not be told to re-save as .xlsx.
                fileSystem.createDocument(new ByteArrayInputStream(new byte[] {1, 2, 3}), "FileHeader");
                fileSystem.writeFilesystem(out);
                hwpLike = out.toByteArray();
            }

            assertThat(parse(hwpLike).problems()).containsExactly(problem(0, "import.file.unreadable"));
        }

        @Test
        void rejectsPasswordProtectedWorkbooksWithTheirOwnMessage() throws Exception {
            byte[] encrypted = encrypt(xlsx(List.of(List.of("기관코드", "기관명"), List.of("6110000", "서울특별시"))));

            StandardCodeFile file = parse(encrypted);

            assertThat(file.problems()).containsExactly(problem(0, "import.file.encrypted"));
            assertThat(file.rows()).isEmpty();
        }

        @Test
        void rejectsBinaryJunkAndBrokenZipFiles() {
            byte[] junk = {0x25, 0x50, 0x44, 0x46, 0x00, 0x01, (byte) 0xFF, 0x7F, 0x00};
            byte[] brokenZip = concat(new byte[] {0x50, 0x4B, 0x03, 0x04}, "기관코드,기관명".getBytes(StandardCharsets.UTF_8));

            assertThat(parse(junk).problems()).containsExactly(problem(0, "import.file.unreadable"));
            assertThat(parse(brokenZip).problems()).containsExactly(problem(0, "import.file.unreadable"));
        }

        @Test
        void refusesFilesLargerThan50MegabytesBeforeReadingThem() {
            byte[] content = new byte[50 * 1024 * 1024 + 1];
            Arrays.fill(content, (byte) 'a');

            StandardCodeFile file = parse(content);

            assertThat(file.problems()).containsExactly(problem(0, "import.file.tooLarge", "50"));
            assertThat(file.totalDataRows()).isZero();
        }

        @Test
        void stopsAfter200000DataRows() {
            StringBuilder csv = new StringBuilder("기관코드,기관명\n");
            for (int i = 0; i < 200_001; i++) {
                csv.append(1_000_000 + i).append(",기관").append(i).append('\n');
            }

            StandardCodeFile file = parse(csv.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).containsExactly(problem(0, "import.file.tooManyRows", "200000"));
            assertThat(file.rows()).isEmpty();
        }

        @Test
        void acceptsExactly200000DataRows() {
            StringBuilder csv = new StringBuilder("기관코드,기관명\n");
            for (int i = 0; i < 200_000; i++) {
                csv.append(1_000_000 + i).append(",기관").append(i).append('\n');
            }

            StandardCodeFile file = parse(csv.toString().getBytes(StandardCharsets.UTF_8));

            assertThat(file.problems()).isEmpty();
            assertThat(file.rows()).hasSize(200_000);
            assertThat(file.totalDataRows()).isEqualTo(200_000);
        }
    }

    @Nested
    class Xlsx {

        @Test
        void readsAWorkbookWithNumericCodesAndADateCellToTheSameRowsAsTheCsv() throws IOException {
            byte[] content;
            try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
                Sheet sheet = workbook.createSheet("기관코드");
                CellStyle dateStyle = workbook.createCellStyle();
                dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"년\" m\"월\" d\"일\""));
                CellStyle thousands = workbook.createCellStyle();
                thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
                row(sheet, 0, "서열순서", "기관명", "대분류", "기관코드", "차상위기관코드", "최상위기관코드", "기관간차수",
                        "기관전체명", "이전기관코드", "폐지일자", "기관유형");
                row(sheet, 1, 1, "서울특별시", "자치단체", 6110000, null, 6110000, 1, "서울특별시", null, null, "광역자치단체");
                row(sheet, 2, 2, "종로구", "자치단체", 3000000, 6110000, 6110000, 2, "서울특별시 종로구", null, null,
                        "기초자치단체");
                row(sheet, 3, 3, "부산광역시", "자치단체", 6260000, null, 6260000, 1, "부산광역시", null, null, "광역자치단체");
                Row gangwon = row(sheet, 4, 4, "강원도", "자치단체", 6420000, null, 6420000, 1, "강원도", null, null,
                        "광역자치단체");
                gangwon.createCell(9).setCellValue(LocalDate.of(2023, 6, 11));
                gangwon.getCell(9).setCellStyle(dateStyle);
                gangwon.getCell(3).setCellStyle(thousands);
                // Row 6 is left empty on purpose: blank sheet rows are skipped but keep the row numbers.
                row(sheet, 6, 5, "강원특별자치도", "자치단체", 6530000, null, 6530000, 1, "강원특별자치도", 6420000, null,
                        "광역자치단체");
                workbook.write(out);
                content = out.toByteArray();
            }

            StandardCodeFile file = StandardCodeFile.parse("기관코드.csv", content);

            assertThat(file.detectedFormat()).isEqualTo("XLSX");
            assertThat(file.problems()).isEmpty();
            List<StandardCodeRow> expected = GOOD_ROWS.stream()
                    .map(row -> row.rowNumber() == 6 ? withRowNumber(row, 7) : row)
                    .toList();
            assertThat(file.rows()).containsExactlyElementsOf(expected);
            assertThat(file.totalDataRows()).isEqualTo(5);
        }

        @Test
        void reportsProblemsWithSheetRowNumbersAndDoesNotCountShortRows() throws IOException {
            byte[] content = xlsx(List.of(
                    List.of("기관코드", "기관명", "기관전체명", "기관간차수"),
                    List.of("6110000", "서울특별시"),
                    List.of("611", "서울특별시", "서울특별시", "0")));

            StandardCodeFile file = parse(content);

            assertThat(file.rows()).extracting(StandardCodeRow::orgCode).containsExactly("6110000");
            assertThat(file.problems()).containsExactly(
                    problem(3, "import.row.orgCode.format", "611"),
                    problem(3, "import.row.depth.format", "0"));
        }

        @Test
        void reportsAnEmptyWorkbook() throws IOException {
            assertThat(parse(xlsx(List.of())).problems()).containsExactly(problem(0, "import.file.empty"));
        }
    }

    @Test
    void everyProblemKeyHasKoreanAndEnglishTexts() throws IOException {
        for (String bundle : List.of("/messages/messages.properties", "/messages/messages_en.properties")) {
            java.util.Properties texts = new java.util.Properties();
            try (InputStream in = getClass().getResourceAsStream(bundle)) {
                assertThat(in).as(bundle).isNotNull();
                texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(texts.stringPropertyNames()).as(bundle).contains(
                    "import.file.tooLarge", "import.file.xlsOnly", "import.file.encrypted", "import.file.unreadable",
                    "import.file.empty", "import.file.missingColumn", "import.file.duplicateColumn",
                    "import.file.tooManyRows", "import.row.columns", "import.row.unclosedQuote",
                    "import.row.orgCode.missing", "import.row.orgCode.format", "import.row.orgCode.duplicate",
                    "import.row.name.missing", "import.row.name.tooLong", "import.row.fullName.tooLong",
                    "import.row.code.format", "import.row.depth.format", "import.row.date.format");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static StandardCodeFile parse(byte[] content) {
        return StandardCodeFile.parse("기관코드.csv", content);
    }

    private static RowProblem problem(int rowNumber, String messageKey, String... args) {
        return new RowProblem(rowNumber, messageKey, List.of(args));
    }

    private static StandardCodeRow withRowNumber(StandardCodeRow row, int rowNumber) {
        return new StandardCodeRow(rowNumber, row.orgCode(), row.name(), row.fullName(), row.topCode(),
                row.parentCode(), row.depth(), row.previousCode(), row.abolishedOn(), row.kind());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    /** Writes a sheet row: numbers become numeric cells (as Excel stores typed-in codes), nulls are left out. */
    private static Row row(Sheet sheet, int index, Object... values) {
        Row row = sheet.createRow(index);
        for (int column = 0; column < values.length; column++) {
            Object value = values[column];
            if (value instanceof Integer number) {
                row.createCell(column).setCellValue(number);
            } else if (value != null) {
                row.createCell(column).setCellValue(value.toString());
            }
        }
        return row;
    }

    private static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            for (int i = 0; i < rows.size(); i++) {
                row(sheet, i, rows.get(i).toArray());
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] encrypt(byte[] xlsx) throws Exception {
        try (POIFSFileSystem fileSystem = new POIFSFileSystem(); var out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("비밀번호");
            try (OutputStream data = encryptor.getDataStream(fileSystem)) {
                data.write(xlsx);
            }
            fileSystem.writeFilesystem(out);
            return out.toByteArray();
        }
    }
}
