package org.pyeongga.organization.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * A 행정표준코드 기관코드 file (CSV in UTF-8 or CP949, or XLSX) read into the rows that passed every check and the
 * problems found in the others.
 *
 * <p>Parsing never throws for bad content: whatever is wrong with the file becomes a {@link RowProblem}, so the
 * caller can show the user everything at once. A row with any problem is left out of {@link #rows()}; when the file
 * itself is unusable (row-0 problems) no rows are returned at all, because a partial registry import is worse than
 * none.
 */
public final class StandardCodeFile {

    /** Files above this size are refused before reading (50 MB). */
    static final int MAX_MEGABYTES = 50;
    static final long MAX_BYTES = MAX_MEGABYTES * 1024L * 1024L;
    /** The whole national table is about 100,000 rows; more than this is not a standard-code file. */
    static final int MAX_DATA_ROWS = 200_000;

    static final String FORMAT_CSV_UTF8 = "CSV (UTF-8)";
    static final String FORMAT_CSV_CP949 = "CSV (CP949)";
    static final String FORMAT_XLSX = "XLSX";
    static final String FORMAT_XLS = "XLS";
    static final String FORMAT_UNKNOWN = "unknown";

    private static final byte[] ZIP_SIGNATURE = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_SIGNATURE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** Windows code page 949 (통합형 한글), a superset of EUC-KR: what Korean Excel writes for plain "CSV". */
    private static final Charset CP949 = Charset.forName("x-windows-949");

    /** Columns read from a sheet row; the official layout has about 20. */
    static final int MAX_COLUMNS = 200;
    private static final Pattern QUOTED_LITERAL = Pattern.compile("\"[^\"]*\"");

    private static final int CODE_LENGTH = 7;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_FULL_NAME_LENGTH = 300;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            strictDate("uuuu-MM-dd"), strictDate("uuuuMMdd"), strictDate("uuuu.MM.dd"), strictDate("uuuu/MM/dd"));

    private final String fileName;
    private final String detectedFormat;
    private final List<StandardCodeRow> rows;
    private final List<RowProblem> problems;
    private final int totalDataRows;

    private StandardCodeFile(String fileName, String detectedFormat, List<StandardCodeRow> rows,
            List<RowProblem> problems, int totalDataRows) {
        this.fileName = fileName;
        this.detectedFormat = detectedFormat;
        this.rows = List.copyOf(rows);
        // Stable sort: problems of one row keep the order in which the columns were checked.
        this.problems = problems.stream().sorted(Comparator.comparingInt(RowProblem::rowNumber)).toList();
        this.totalDataRows = totalDataRows;
    }

    /**
     * Reads a standard-code file; the format is decided by the content, not by {@code fileName}, because users
     * rename files freely (a CSV saved as "기관코드.xlsx" is common).
     *
     * @param fileName the name the user uploaded, kept only for diagnostics
     * @param content the file's bytes
     * @return the parsed file; never throws for bad content, file-level problems have row number 0
     */
    public static StandardCodeFile parse(String fileName, byte[] content) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_BYTES) {
            return rejected(fileName, FORMAT_UNKNOWN, "import.file.tooLarge", String.valueOf(MAX_MEGABYTES));
        }
        if (startsWith(content, ZIP_SIGNATURE)) {
            return parseXlsx(fileName, content);
        }
        if (startsWith(content, OLE2_SIGNATURE)) {
            return rejectedOle2(fileName, content);
        }
        if (containsNul(content)) {
            // Text files never contain NUL; this is another binary format (PDF, DRM-wrapped file, UTF-16 text ...).
            return rejected(fileName, FORMAT_UNKNOWN, "import.file.unreadable");
        }
        return parseCsv(fileName, content);
    }

    /** The rows that parsed without problems, in file order. */
    public List<StandardCodeRow> rows() {
        return rows;
    }

    /** Every problem, ordered by row number (file-level problems, row 0, first). */
    public List<RowProblem> problems() {
        return problems;
    }

    /**
     * The number of non-blank data rows read, good and bad; when reading stopped at the row limit this is the row
     * count at which it stopped.
     */
    public int totalDataRows() {
        return totalDataRows;
    }

    /**
     * How the content was read: {@code "CSV (UTF-8)"}, {@code "CSV (CP949)"} or {@code "XLSX"}; for rejected files
     * {@code "XLS"} (legacy Excel) or {@code "unknown"}.
     */
    public String detectedFormat() {
        return detectedFormat;
    }

    @Override
    public String toString() {
        return "StandardCodeFile[fileName=" + fileName + ", format=" + detectedFormat + ", rows=" + rows.size()
                + ", problems=" + problems.size() + ", totalDataRows=" + totalDataRows + "]";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Format detection and reading into raw records

    private static StandardCodeFile rejected(String fileName, String format, String messageKey, String... args) {
        return new StandardCodeFile(fileName, format, List.of(), List.of(RowProblem.ofFile(messageKey, args)), 0);
    }

    private static StandardCodeFile parseCsv(String fileName, byte[] content) {
        Decoded decoded = decode(content);
        CsvReader reader = new CsvReader(decoded.text(), separatorOf(decoded.text()));
        return check(fileName, decoded.format(), reader.readNonBlank(recordLimit()), true);
    }

    private static StandardCodeFile parseXlsx(String fileName, byte[] content) {
        List<RawRecord> records;
        try {
            records = readFirstSheet(content, recordLimit());
        } catch (IOException | RuntimeException e) {
            // POI signals broken or foreign ZIP files (a .docx, a zip bomb, a truncated upload) with many exception
            // types; for the user they all mean the same thing.
            return rejected(fileName, FORMAT_UNKNOWN, "import.file.unreadable");
        }
        // Spreadsheet rows simply end at their last filled cell, so a short row is not a column-count problem.
        return check(fileName, FORMAT_XLSX, records, false);
    }

    /** The header, the allowed data rows and one more, so that "too many rows" can be told without reading on. */
    private static int recordLimit() {
        return MAX_DATA_ROWS + 2;
    }

    private record Decoded(String text, String format) {
    }

    private static Decoded decode(byte[] content) {
        int offset = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
        int length = content.length - offset;
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, length))
                    .toString();
            return new Decoded(text, FORMAT_CSV_UTF8);
        } catch (CharacterCodingException notUtf8) {
            // Korean text in CP949 is practically never valid UTF-8, so a failed strict decode is a reliable signal.
            return new Decoded(new String(content, offset, length, CP949), FORMAT_CSV_CP949);
        }
    }

    /** Tab when the header line has tabs and no commas (code.go.kr exports), otherwise comma. */
    private static char separatorOf(String text) {
        String headerLine = text.lines().filter(line -> !line.isBlank()).findFirst().orElse("");
        return headerLine.indexOf('\t') >= 0 && headerLine.indexOf(',') < 0 ? '\t' : ',';
    }

    private static List<RawRecord> readFirstSheet(byte[] content, int limit) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return List.of();
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            // Show what Excel last computed instead of the formula text.
            formatter.setUseCachedValuesForFormulaCells(true);
            List<RawRecord> records = new ArrayList<>();
            for (Row row : sheet) {
                List<String> fields = new ArrayList<>();
                // A stray cell far to the right must not make us allocate thousands of empty fields per row.
                int width = Math.min(row.getLastCellNum(), MAX_COLUMNS);
                for (int column = 0; column < width; column++) {
                    Cell cell = row.getCell(column);
                    fields.add(cell == null ? "" : cellText(cell, formatter).strip());
                }
                RawRecord record = new RawRecord(row.getRowNum() + 1, fields, false);
                if (!record.isBlank()) {
                    records.add(record);
                    if (records.size() >= limit) {
                        break;
                    }
                }
            }
            return records;
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            if (isDateFormatted(cell)) {
                // ISO text, which the date check accepts, whatever display format the sheet uses.
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            }
            double value = cell.getNumericCellValue();
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                // Codes are often stored as numbers; a display format such as "#,##0" must not turn 6110000 into
                // "6,110,000", so whole numbers are written plainly.
                return Long.toString((long) value);
            }
        }
        return formatter.formatCellValue(cell);
    }

    private static boolean isDateFormatted(Cell cell) {
        if (DateUtil.isCellDateFormatted(cell)) {
            return true;
        }
        // POI does not recognise Hangul literals such as yyyy"년" m"월" d"일", the long date format of Korean Excel;
        // judged without its quoted literals, the format is an ordinary date format.
        CellStyle style = cell.getCellStyle();
        String format = style.getDataFormatString();
        return format != null
                && DateUtil.isValidExcelDate(cell.getNumericCellValue())
                && DateUtil.isADateFormat(style.getDataFormat(), QUOTED_LITERAL.matcher(format).replaceAll(""));
    }

    /**
     * OLE2 is the container of legacy .xls, but also of password-protected .xlsx and of HWP documents; telling them
     * apart spares the user a re-save that would not help.
     */
    private static StandardCodeFile rejectedOle2(String fileName, byte[] content) {
        try (POIFSFileSystem fileSystem = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryNode root = fileSystem.getRoot();
            if (root.hasEntry("EncryptionInfo")) {
                return rejected(fileName, FORMAT_UNKNOWN, "import.file.encrypted");
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("Book")) {
                return rejected(fileName, FORMAT_UNKNOWN, "import.file.unreadable");
            }
        } catch (IOException | RuntimeException damaged) {
            // Fall through: the signature says legacy Office, and .xls is by far the likeliest.
        }
        return rejected(fileName, FORMAT_XLS, "import.file.xlsOnly");
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsNul(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Checking records

    private static StandardCodeFile check(String fileName, String format, List<RawRecord> records,
            boolean checkColumnCount) {
        if (records.isEmpty()) {
            return rejected(fileName, format, "import.file.empty");
        }
        List<RawRecord> dataRecords = records.subList(1, records.size());
        List<RowProblem> headerProblems = new ArrayList<>();
        Header header = Header.read(records.getFirst(), headerProblems);
        if (!headerProblems.isEmpty()) {
            return new StandardCodeFile(fileName, format, List.of(), headerProblems, dataRecords.size());
        }
        if (dataRecords.size() > MAX_DATA_ROWS) {
            return new StandardCodeFile(fileName, format, List.of(),
                    List.of(RowProblem.ofFile("import.file.tooManyRows", String.valueOf(MAX_DATA_ROWS))),
                    dataRecords.size());
        }
        RowChecker checker = new RowChecker(header, checkColumnCount);
        dataRecords.forEach(checker::check);
        return new StandardCodeFile(fileName, format, checker.rows, checker.problems, dataRecords.size());
    }

    /** The columns we read, each with the Korean name used in messages and the header texts accepted for it. */
    private enum Column {
        ORG_CODE("기관코드", true, "기관코드", "org_cd", "orgCode"),
        NAME("기관명", true, "기관명", "최하위기관명", "low_nm", "name"),
        // 전체기관명 is the header in code.go.kr downloads; data.go.kr uses 기관전체명.
        FULL_NAME("기관전체명", false, "기관전체명", "전체기관명", "full_nm", "fullName"),
        TOP_CODE("최상위기관코드", false, "최상위기관코드", "top_cd", "topCode"),
        PARENT_CODE("차상위기관코드", false, "차상위기관코드", "상위기관코드", "high_cd", "parentCode"),
        DEPTH("기관간차수", false, "기관간차수", "차수", "gap_no"),
        PREVIOUS_CODE("이전기관코드", false, "이전기관코드", "previousCode"),
        ABOLISHED_ON("폐지일자", false, "폐지일자", "abolishedOn"),
        KIND("기관유형", false, "기관유형", "kind");

        private static final Map<String, Column> BY_HEADER = new HashMap<>();

        static {
            for (Column column : values()) {
                for (String alias : column.aliases) {
                    BY_HEADER.put(normalize(alias), column);
                }
            }
        }

        final String koreanName;
        final boolean required;
        private final List<String> aliases;

        Column(String koreanName, boolean required, String... aliases) {
            this.koreanName = koreanName;
            this.required = required;
            this.aliases = List.of(aliases);
        }

        static @Nullable Column forHeader(String headerText) {
            return BY_HEADER.get(normalize(headerText));
        }

        private static String normalize(String headerText) {
            return headerText.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Where each known column sits, and how many columns the header declares. */
    private record Header(Map<Column, Integer> positions, int width) {

        static Header read(RawRecord record, List<RowProblem> problems) {
            List<String> names = record.fields();
            // Spreadsheet tools often leave empty cells after the last real column; they do not count.
            int width = names.size();
            while (width > 0 && names.get(width - 1).isEmpty()) {
                width--;
            }
            Map<Column, Integer> positions = new EnumMap<>(Column.class);
            for (int i = 0; i < width; i++) {
                Column column = Column.forHeader(names.get(i));
                if (column != null && positions.putIfAbsent(column, i) != null) {
                    problems.add(RowProblem.ofFile("import.file.duplicateColumn", names.get(i)));
                }
            }
            for (Column column : Column.values()) {
                if (column.required && !positions.containsKey(column)) {
                    problems.add(RowProblem.ofFile("import.file.missingColumn", column.koreanName));
                }
            }
            return new Header(positions, width);
        }

        String value(RawRecord record, Column column) {
            Integer position = positions.get(column);
            return position == null || position >= record.fields().size() ? "" : record.fields().get(position);
        }
    }

    /** Checks data records one by one, remembering codes already seen to find duplicates. */
    private static final class RowChecker {

        private final Header header;
        private final boolean checkColumnCount;
        private final Map<String, Integer> firstRowByCode = new HashMap<>();
        final List<StandardCodeRow> rows = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();

        RowChecker(Header header, boolean checkColumnCount) {
            this.header = header;
            this.checkColumnCount = checkColumnCount;
        }

        void check(RawRecord record) {
            RowProblems found = new RowProblems(record.rowNumber());
            if (record.unclosedQuote()) {
                // The rest of the file was swallowed into this record; checking its fields would only add noise.
                found.add("import.row.unclosedQuote");
                problems.addAll(found.list);
                return;
            }
            if (checkColumnCount) {
                checkColumnCount(record, found);
            }
            String orgCode = orgCode(record, found);
            String name = name(record, found);
            String fullName = optionalText(record, Column.FULL_NAME, MAX_FULL_NAME_LENGTH, "import.row.fullName.tooLong",
                    found);
            String topCode = optionalCode(record, Column.TOP_CODE, found);
            String parentCode = optionalCode(record, Column.PARENT_CODE, found);
            Integer depth = depth(record, found);
            String previousCode = optionalCode(record, Column.PREVIOUS_CODE, found);
            LocalDate abolishedOn = abolishedOn(record, found);
            String kind = emptyToNull(header.value(record, Column.KIND));
            if (found.list.isEmpty()) {
                rows.add(new StandardCodeRow(record.rowNumber(), orgCode, name, fullName, topCode, parentCode, depth,
                        previousCode, abolishedOn, kind));
            } else {
                problems.addAll(found.list);
            }
        }

        /** Fewer fields than the header, or extra non-empty ones, mean the values may sit under the wrong column. */
        private void checkColumnCount(RawRecord record, RowProblems found) {
            List<String> fields = record.fields();
            int count = fields.size();
            while (count > header.width() && fields.get(count - 1).isEmpty()) {
                count--;
            }
            if (count != header.width()) {
                found.add("import.row.columns", String.valueOf(header.width()), String.valueOf(count));
            }
        }

        private String orgCode(RawRecord record, RowProblems found) {
            String orgCode = header.value(record, Column.ORG_CODE);
            if (orgCode.isEmpty()) {
                found.add("import.row.orgCode.missing");
            } else if (!isCode(orgCode)) {
                found.add("import.row.orgCode.format", orgCode);
            } else {
                Integer firstRow = firstRowByCode.putIfAbsent(orgCode, record.rowNumber());
                if (firstRow != null) {
                    found.add("import.row.orgCode.duplicate", orgCode, String.valueOf(firstRow));
                }
            }
            return orgCode;
        }

        private String name(RawRecord record, RowProblems found) {
            String name = header.value(record, Column.NAME);
            if (name.isEmpty()) {
                found.add("import.row.name.missing");
            } else if (characterCount(name) > MAX_NAME_LENGTH) {
                found.add("import.row.name.tooLong", String.valueOf(MAX_NAME_LENGTH));
            }
            return name;
        }

        private @Nullable String optionalText(RawRecord record, Column column, int maxLength, String tooLongKey,
                RowProblems found) {
            String text = header.value(record, column);
            if (characterCount(text) > maxLength) {
                found.add(tooLongKey, String.valueOf(maxLength));
            }
            return emptyToNull(text);
        }

        private @Nullable String optionalCode(RawRecord record, Column column, RowProblems found) {
            String code = header.value(record, column);
            if (!code.isEmpty() && !isCode(code)) {
                found.add("import.row.code.format", column.koreanName, code);
            }
            return emptyToNull(code);
        }

        private @Nullable Integer depth(RawRecord record, RowProblems found) {
            String text = header.value(record, Column.DEPTH);
            if (text.isEmpty()) {
                return null;
            }
            Integer depth = positiveInteger(text);
            if (depth == null) {
                found.add("import.row.depth.format", text);
            }
            return depth;
        }

        private @Nullable LocalDate abolishedOn(RawRecord record, RowProblems found) {
            String text = header.value(record, Column.ABOLISHED_ON);
            if (text.isEmpty()) {
                return null;
            }
            LocalDate date = date(text);
            if (date == null) {
                found.add("import.row.date.format", text);
            }
            return date;
        }
    }

    /** The problems of one row, collected before deciding whether the row is kept. */
    private static final class RowProblems {

        private final int rowNumber;
        final List<RowProblem> list = new ArrayList<>();

        RowProblems(int rowNumber) {
            this.rowNumber = rowNumber;
        }

        void add(String messageKey, String... args) {
            list.add(new RowProblem(rowNumber, messageKey, List.of(args)));
        }
    }

    private static boolean isCode(String text) {
        if (text.length() != CODE_LENGTH) {
            return false;
        }
        // 행정표준코드: 7 characters, digits for government bodies, an upper-case letter prefix for 공공기관 (B551011).
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isAsciiDigit(c) && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Integer positiveInteger(String text) {
        if (!text.chars().allMatch(c -> isAsciiDigit((char) c))) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private static @Nullable LocalDate date(String text) {
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThisFormat) {
                // try the next one
            }
        }
        return null;
    }

    /** Strict resolving rejects dates such as 2023-02-30 instead of quietly moving them to the month's end. */
    private static DateTimeFormatter strictDate(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Counts characters as a person would (code points), not UTF-16 units. */
    private static int characterCount(String text) {
        return text.codePointCount(0, text.length());
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Raw records and the CSV reader

    /** One record as read from the file: trimmed field texts and the row number where it starts. */
    private record RawRecord(int rowNumber, List<String> fields, boolean unclosedQuote) {

        boolean isBlank() {
            return fields.stream().allMatch(String::isEmpty);
        }
    }

    /**
     * An RFC 4180 reader: double quotes, {@code ""} as an escaped quote, line breaks inside quotes. It is lenient
     * where spreadsheet exports are sloppy: spaces before an opening quote and stray quotes inside unquoted fields are
     * accepted.
     */
    private static final class CsvReader {

        private final String text;
        private final char separator;
        private int position;
        private int line = 1;

        CsvReader(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        /** Reads records until the end or until {@code limit} non-blank ones were read; blank ones are dropped. */
        List<RawRecord> readNonBlank(int limit) {
            List<RawRecord> records = new ArrayList<>();
            RawRecord record;
            while (records.size() < limit && (record = next()) != null) {
                if (!record.isBlank()) {
                    records.add(record);
                }
            }
            return records;
        }

        private @Nullable RawRecord next() {
            if (position >= text.length()) {
                return null;
            }
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean inQuotes = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (inQuotes) {
                    if (c == '"' && peek() == '"') {
                        field.append('"');
                        position++;
                    } else if (c == '"') {
                        inQuotes = false;
                    } else if (c == '\r' || c == '\n') {
                        skipLineBreak(c);
                        field.append('\n');
                    } else {
                        field.append(c);
                    }
                } else if (c == separator) {
                    fields.add(field.toString().strip());
                    field.setLength(0);
                } else if (c == '"' && field.toString().isBlank()) {
                    field.setLength(0);
                    inQuotes = true;
                } else if (c == '\r' || c == '\n') {
                    skipLineBreak(c);
                    fields.add(field.toString().strip());
                    return new RawRecord(startLine, fields, false);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString().strip());
            return new RawRecord(startLine, fields, inQuotes);
        }

        /** Counts one line for {@code \n}, {@code \r} or {@code \r\n}. */
        private void skipLineBreak(char c) {
            if (c == '\r' && peek() == '\n') {
                position++;
            }
            line++;
        }

        private int peek() {
            return position < text.length() ? text.charAt(position) : -1;
        }
    }
}
