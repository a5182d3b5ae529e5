package com.clearmlmigrator.cli.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The objects of an S3 bucket (AWS, or an S3 server such as MinIO or Ceph), over the AWS SDK. */
final class S3Objects implements ObjectStore {
    private static final int DELETES_AT_ONCE = 1_000;

    private final S3Client s3;
    private final BucketLocation location;

    S3Objects(S3Client s3, BucketLocation location) {
        this.s3 = s3;
        this.location = location;
    }

    /**
     * The bucket, listed once to see that it is there and takes the credentials.
     *
     * @throws IllegalArgumentException with a sentence for the operator when the bucket cannot be listed
     */
    static S3Objects at(S3Client s3, BucketLocation location) {
        try {
            s3.listObjectsV2(request ->
                    request.bucket(location.bucket()).prefix(location.prefix()).maxKeys(1));
        } catch (SdkException e) {
            throw new IllegalArgumentException(BucketErrors.sentence(e, location), e);
        }
        return new S3Objects(s3, location);
    }

    @Override
    public String where() {
        return location.toString();
    }

    @Override
    public String prefix() {
        return location.prefix();
    }

    @Override
    public String download(String key, Path into) throws IOException {
        try {
            GetObjectResponse got = s3.getObject(
                    request -> request.bucket(location.bucket()).key(key), ResponseTransformer.toFile(into));
            return got.eTag();
        } catch (NoSuchKeyException e) {
            Files.deleteIfExists(into);
            throw new NoSuchFileException(key);
        } catch (SdkException e) {
            Files.deleteIfExists(into);
            throw refused(e);
        }
    }

    @Override
    public String version(String key) throws IOException {
        try {
            return s3.headObject(request -> request.bucket(location.bucket()).key(key))
                    .eTag();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(key);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(key);
            }
            throw refused(e);
        } catch (SdkException e) {
            throw refused(e);
        }
    }

    /** S3 answers 412 to a version that is not the object's. */
    @Override
    public void upload(String key, Path file, String ifVersion) throws IOException {
        try {
            s3.putObject(
                    request -> request.bucket(location.bucket()).key(key).ifMatch(ifVersion), // null: no condition
                    RequestBody.fromFile(file));
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                throw new WrittenMeanwhileException();
            }
            if (e.statusCode() == 501 && ifVersion != null) {
                // An S3 server that does not do conditional writes (older MinIO, Ceph): the version was checked just
                // before, as it is on those servers by hand.
                upload(key, file, null);
                return;
            }
            throw refused(e);
        } catch (SdkException e) {
            throw refused(e);
        }
    }

    /** As S3 lists a level: {@code delimiter /}. */
    @Override
    public Level level(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        try {
            for (ListObjectsV2Response page : s3.listObjectsV2Paginator(
                    request -> request.bucket(location.bucket()).prefix(prefix).delimiter("/"))) {
                page.contents().forEach(object -> keys.add(object.key()));
                page.commonPrefixes().stream().map(CommonPrefix::prefix).forEach(folders::add);
            }
        } catch (SdkException e) {
            throw refused(e);
        }
        return new Level(keys, folders);
    }

    /** Folder markers are keys ending with /, which S3 consoles make and some servers list for every folder. */
    @Override
    public Map<String, Long> sizesUnder(String folder) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        try {
            s3
                    .listObjectsV2Paginator(
                            request -> request.bucket(location.bucket()).prefix(folder))
                    .contents()
                    .stream()
                    .filter(object -> !object.key().endsWith("/"))
                    .forEach(object -> sizes.put(object.key(), object.size()));
        } catch (SdkException e) {
            throw refused(e);
        }
        return sizes;
    }

    /** A thousand to a request (S3's most); S3 says a key that is gone already is deleted. */
    @Override
    public void delete(List<String> keys) throws IOException {
        for (int from = 0; from < keys.size(); from += DELETES_AT_ONCE) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + DELETES_AT_ONCE));
            try {
                deleteAtOnce(batch);
            } catch (S3Exception e) {
                if (e.statusCode() != 501) {
                    throw refused(e);
                }
                // A server that does not take the request as this SDK sends it (S3Proxy answers the SDK's CRC32
                // checksum header 501 NotImplemented; Google Cloud Storage has no multi-object delete): one request a
                // key.
                for (String key : batch) {
                    deleteOne(key);
                }
            } catch (SdkException e) {
                throw refused(e);
            }
        }
    }

    private void deleteAtOnce(List<String> keys) throws IOException {
        List<ObjectIdentifier> batch = keys.stream()
                .map(key -> ObjectIdentifier.builder().key(key).build())
                .toList();
        DeleteObjectsResponse answer = s3.deleteObjects(request -> request.bucket(location.bucket())
                .delete(delete -> delete.objects(batch).quiet(true)));
        if (answer.hasErrors() && !answer.errors().isEmpty()) {
            S3Error first = answer.errors().get(0);
            throw new PlaceRefusedException(answer.errors().size() + " of the objects could not be deleted from "
                    + location + ", " + first.key() + " the first: " + first.code() + " " + first.message());
        }
    }

    private void deleteOne(String key) throws IOException {
        try {
            s3.deleteObject(request -> request.bucket(location.bucket()).key(key));
        } catch (SdkException e) {
            throw refused(e);
        }
    }

    @Override
    public void write(String key, String text) throws IOException {
        try {
            s3.putObject(request -> request.bucket(location.bucket()).key(key), RequestBody.fromString(text));
        } catch (SdkException e) {
            throw refused(e);
        }
    }

    private PlaceRefusedException refused(SdkException e) {
        return new PlaceRefusedException(BucketErrors.midway(e, location));
    }

    @Override
    public void close() {
        // The client is the caller's to close.
    }
}
