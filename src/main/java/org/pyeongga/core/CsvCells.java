package org.pyeongga.core;

import java.util.List;

/** CSV for spreadsheets: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
public final class CsvCells {

    /** UTF-8 byte-order mark: Excel then reads Korean correctly. */
    public static final String BOM = "\uFEFF";

    private CsvCells() {}

    /** A quoted cell, {@link #neutralized neutralized} so spreadsheets never run it as a formula. */
    public static String cell(String value) {
        return "\"" + neutralized(value).replace("\"", "\"\"") + "\"";
    }

    /** Text a spreadsheet must not run as a formula (CSV or xlsx): ' before a leading =, +, -, @, tab or CR. */
    public static String neutralized(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** One CSV line (CRLF) of quoted cells. */
    public static String line(List<String> values) {
        return String.join(",", values.stream().map(CsvCells::cell).toList()) + "\r\n";
    }
}
