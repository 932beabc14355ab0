package org.pyeongga.evaluation.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.EvidenceType;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Files in and out of the submission pages and API: downloads as attachments, uploads as bytes. */
final class SubmissionFiles {

    private SubmissionFiles() {}

    /** A download that the browser saves (never shows inline), its name kept in UTF-8. */
    static ResponseEntity<byte[]> attachment(byte[] content, String fileName, EvidenceType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(type.mediaType()))
                .body(content);
    }

    static byte[] bytes(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw UserFacingException.badInput("submission.evidence.none");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(@Nullable MultipartFile file, String fallback) {
        return file == null || file.getOriginalFilename() == null ? fallback : file.getOriginalFilename();
    }
}
