package org.pyeongga.core;

import java.util.List;

/** CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
public final class CsvCells {

    /** UTF-8 byte-order mark: Excel then reads Korean correctly. */
    public static final String BOM = "\uFEFF";

    private CsvCells() {}

    /** A quoted cell; a leading =, +, -, @, tab or CR is prefixed with ' so spreadsheets never run it as a formula. */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    /** One CSV line (CRLF) of quoted cells. */
    public static String line(List<String> values) {
        return String.join(",", values.stream().map(CsvCells::cell).toList()) + "\r\n";
    }
}
