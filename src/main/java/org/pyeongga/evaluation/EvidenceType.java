package org.pyeongga.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The kinds of evidence file an institution may upload, told apart by their content (magic bytes and, for the container
 * formats, their inner structure), never by the file's name: HWP is an OLE2 compound file whose {@code FileHeader}
 * stream starts with "HWP Document File"; HWPX is a zip whose {@code mimetype} entry says {@code application/hwp+zip};
 * XLSX is a zip with {@code [Content_Types].xml} and {@code xl/workbook.xml}.
 */
public enum EvidenceType {
    PDF("application/pdf", List.of("pdf")),
    HWP("application/x-hwp", List.of("hwp")),
    HWPX("application/hwp+zip", List.of("hwpx")),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx")),
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    GIF("image/gif", List.of("gif"));

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 0x03, 0x04};
    private static final byte[] HWP_SIGNATURE = "HWP Document File".getBytes(StandardCharsets.US_ASCII);

    private final String mediaType;
    private final List<String> extensions;

    EvidenceType(String mediaType, List<String> extensions) {
        this.mediaType = mediaType;
        this.extensions = extensions;
    }

    public String mediaType() {
        return mediaType;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The type a file name claims by its extension, if it is one of ours. */
    public static Optional<EvidenceType> claimedBy(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.extensions.contains(extension)).findFirst();
    }

    /** The type of {@code content} judged by what it is, or empty when it is none of the accepted kinds. */
    public static Optional<EvidenceType> detect(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, GIF87) || startsWith(content, GIF89)) {
            return Optional.of(GIF);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            return isHwp(content) ? Optional.of(HWP) : Optional.empty();
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return zipKind(content);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** An OLE2 compound file is HWP 5 when its FileHeader stream carries the HWP signature (.doc and .xls are OLE2 too). */
    private static boolean isHwp(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            DirectoryEntry root = fs.getRoot();
            if (!root.hasEntry("FileHeader")) {
                return false;
            }
            try (DocumentInputStream in = fs.createDocumentInputStream("FileHeader")) {
                byte[] head = in.readNBytes(HWP_SIGNATURE.length);
                return Arrays.equals(head, HWP_SIGNATURE);
            }
        } catch (IOException | RuntimeException notOle2) {
            return false;
        }
    }

    /**
     * HWPX or XLSX by the zip's entries. The zip's central directory is read from a temporary file: nothing is
     * decompressed but the few bytes of {@code mimetype}, so a zip bomb costs nothing.
     */
    private static Optional<EvidenceType> zipKind(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("pyeongga-evidence-", ".zip");
            Files.write(file, content);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry mimetype = zip.getEntry("mimetype");
                if (mimetype != null) {
                    try (InputStream in = zip.getInputStream(mimetype)) {
                        String type = new String(in.readNBytes(64), StandardCharsets.US_ASCII).strip();
                        if (type.equals("application/hwp+zip")) {
                            return Optional.of(HWPX);
                        }
                    }
                }
                if (zip.getEntry("[Content_Types].xml") != null && zip.getEntry("xl/workbook.xml") != null) {
                    return Optional.of(XLSX);
                }
                return Optional.empty();
            }
        } catch (ZipException notAZip) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
