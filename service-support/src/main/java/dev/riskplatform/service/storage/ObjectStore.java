package dev.riskplatform.service.storage;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The platform's bucket, with the two things the prototype got wrong: listing follows every
 * continuation token (a day of 1-minute bars is 1440 objects, more than one page), and
 * registry writes are conditional so two writers cannot overwrite each other. Every call retries
 * transient failures within a bound ({@link TransientRetry}).
 */
@ApplicationScoped
public class ObjectStore {

    private final S3Client s3;
    private final StorageConfig config;

    public ObjectStore(S3Client s3, StorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    public String bucket() {
        return config.bucket();
    }

    public void put(String key, byte[] bytes, String contentType) {
        TransientRetry.call("PUT " + key, () -> s3.putObject(b -> b.bucket(bucket()).key(key).contentType(contentType), RequestBody.fromBytes(bytes)));
    }

    public Optional<byte[]> get(String key) {
        try {
            ResponseBytes<GetObjectResponse> r = TransientRetry.call("GET " + key, () -> s3.getObjectAsBytes(b -> b.bucket(bucket()).key(key)));
            return Optional.of(r.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** The object with the ETag it had when read, for a later {@link #putIfMatch}. */
    public Optional<Versioned> getVersioned(String key) {
        try {
            ResponseBytes<GetObjectResponse> r = TransientRetry.call("GET " + key, () -> s3.getObjectAsBytes(b -> b.bucket(bucket()).key(key)));
            return Optional.of(new Versioned(r.asByteArray(), r.response().eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public record Versioned(byte[] bytes, String etag) {
    }

    /** Every object under the prefix, all pages, in key order (a failed page retries the listing). */
    public List<S3Object> list(String prefix) {
        return TransientRetry.call("LIST " + prefix, () -> {
            List<S3Object> all = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(prefix)).contents().forEach(all::add);
            return all;
        });
    }

    /**
     * The distinct key prefixes under {@code prefix} up to the next {@code delimiter} (S3's common prefixes), all pages,
     * in key order: the "folders" one level down, e.g. {@code raw/bars/symbol=S/} for every S, without listing their objects.
     */
    public List<String> commonPrefixes(String prefix, String delimiter) {
        return TransientRetry.call("LIST " + prefix + " by " + delimiter, () -> {
            List<String> all = new ArrayList<>();
            s3.listObjectsV2Paginator(b -> b.bucket(bucket()).prefix(prefix).delimiter(delimiter)).commonPrefixes()
                    .forEach(p -> all.add(p.prefix()));
            return all;
        });
    }

    /** Writes only if the key does not exist yet; false when another writer got there first (HTTP 412). */
    public boolean putIfAbsent(String key, byte[] bytes, String contentType) {
        return replace(key, null, bytes, contentType).isPresent();
    }

    /** Writes only if the object still has {@code etag}; false when it changed meanwhile (HTTP 412). */
    public boolean putIfMatch(String key, String etag, byte[] bytes, String contentType) {
        return replace(key, Objects.requireNonNull(etag, "etag"), bytes, contentType).isPresent();
    }

    /**
     * Writes only if the object still has {@code etag}, or, when {@code etag} is null, only if it
     * does not exist. Answers the new ETag (a later {@code replace} needs no read to learn it), or
     * empty when another writer changed the object meanwhile (HTTP 412).
     * <p>
     * A 412 can also be this write's own earlier attempt: the SDK and {@link TransientRetry} retry a
     * request whose answer was lost (a reset, a timeout) after the server may already have stored
     * the bytes. So a 412 is a conflict only when the object does not hold
     * exactly these bytes now; the check compares content, not ETag formats (an ETag is not an MD5
     * under SSE-KMS or multipart).
     */
    public Optional<String> replace(String key, String etag, byte[] bytes, String contentType) {
        PutObjectRequest.Builder builder = PutObjectRequest.builder().bucket(bucket()).key(key).contentType(contentType);
        PutObjectRequest request = (etag == null ? builder.ifNoneMatch("*") : builder.ifMatch(etag)).build();
        try {
            return Optional.of(TransientRetry.call("conditional PUT " + key, () -> s3.putObject(request, RequestBody.fromBytes(bytes))).eTag());
        } catch (S3Exception e) {
            if (e.statusCode() != 412 && e.statusCode() != 409) throw e;
            return getVersioned(key).filter(now -> Arrays.equals(now.bytes(), bytes)).map(Versioned::etag);
        }
    }

    /** The current ETag, or empty when the key does not exist. */
    public Optional<String> etag(String key) {
        try {
            return Optional.of(TransientRetry.call("HEAD " + key, () -> s3.headObject(b -> b.bucket(bucket()).key(key))).eTag());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    public void delete(String key) {
        TransientRetry.call("DELETE " + key, () -> s3.deleteObject(b -> b.bucket(bucket()).key(key)));
    }
}
