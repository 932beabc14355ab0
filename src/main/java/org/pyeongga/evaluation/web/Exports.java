package org.pyeongga.evaluation.web;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Download responses for result tables: CSV for Excel and xlsx, with a file name that survives any browser. */
final class Exports {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Exports() {}

    static ResponseEntity<byte[]> csv(byte[] body, String fileName) {
        return download(body, fileName + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String fileName) {
        return download(body, fileName + ".xlsx", XLSX);
    }

    private static ResponseEntity<byte[]> download(byte[] body, String fileName, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(type).body(body);
    }
}
