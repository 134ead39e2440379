package dev.riskplatform.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A partition's {@code _manifest.json}: the only files readers may read (docs/storage.md). A
 * writer puts its data files first and the manifest last, so a half-written partition is never
 * visible; the size and SHA-256 let a reader refuse a file that is not what was written.
 */
public record Manifest(int version, List<Entry> files, long writtenAt) {

    public static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code key} is the full object key. */
    public record Entry(String key, long size, String sha256) {
        public Entry {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(sha256, "sha256");
        }

        public static Entry of(String key, byte[] content) {
            return new Entry(key, content.length, Sha256.hex(content));
        }

        /** @throws IllegalStateException when the bytes read are not the bytes the manifest names */
        public byte[] verify(byte[] content) {
            if (content.length != size || !sha256.equals(Sha256.hex(content))) {
                throw new IllegalStateException(key + " does not match its manifest entry: " + content.length
                        + " bytes, sha256 " + Sha256.hex(content) + ", expected " + size + " bytes, sha256 " + sha256);
            }
            return content;
        }
    }

    public Manifest {
        files = List.copyOf(files);
    }

    public static Manifest of(List<Entry> files, long writtenAt) {
        return new Manifest(VERSION, files, writtenAt);
    }

    /** A new manifest with {@code entry} added, replacing an entry with the same key. */
    public Manifest with(Entry entry, long writtenAt) {
        List<Entry> next = new ArrayList<>(files.stream().filter(e -> !e.key().equals(entry.key())).toList());
        next.add(entry);
        return new Manifest(version, next, writtenAt);
    }

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest is always serialisable", e);
        }
    }

    public static Manifest parse(byte[] json) {
        try {
            Manifest m = JSON.readValue(json, Manifest.class);
            if (m.version() != VERSION) throw new IllegalArgumentException("unsupported manifest version " + m.version());
            return m;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a manifest: " + e.getMessage(), e);
        }
    }
}
