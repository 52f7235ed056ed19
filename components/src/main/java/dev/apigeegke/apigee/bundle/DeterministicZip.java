package dev.apigeegke.apigee.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips files so that the same files always give the same bytes, on every machine: entries in path
 * order, all dated 1980-02-01 00:00 (DOS time, so no time zone enters), no extra fields, no
 * directory entries, and every entry stored. Stored rather than deflated because deflate output
 * differs between zlib builds (zlib and zlib-ng, which some distributions ship as their system zlib,
 * compress the same input to different bytes), which would change the bundle's hash, and so create
 * a new proxy revision, merely by deploying from another machine. Bundles are a few kilobytes.
 */
final class DeterministicZip {
    /**
     * The time of every entry. Not 1980-01-01 00:00: the JDK reads that DOS time as "before 1980" and
     * then adds an extended-timestamp extra field computed in the machine's time zone.
     */
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    private DeterministicZip() {
    }

    static byte[] zip(SortedMap<String, byte[]> files) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                byte[] content = file.getValue();
                var crc = new CRC32();
                crc.update(content);
                var entry = new ZipEntry(file.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
                entry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
