package com.clearmlmigrator.cli.files;

import java.util.Locale;

import com.clearmlmigrator.stores.TrustedAuthorities;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What the operator is told when a bucket refuses: what happened, and what to give instead. Never a credential. */
final class BucketErrors {
    private BucketErrors() {}

    static String sentence(SdkException e, BucketLocation location) {
        if (e instanceof S3Exception refused) {
            return refusal(refused, location);
        }
        String message = String.valueOf(e.getMessage());
        if (e instanceof SdkClientException && message.toLowerCase(Locale.ROOT).contains("credentials")) {
            return "no S3 credentials found for " + location + ": give --clearml-conf with ClearML's configuration, or"
                    + " set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE) to the ones ClearML uses for it";
        }
        if (TrustedAuthorities.isTlsFailure(e)) {
            if (FailureCause.of(e).contains("Unsupported or unrecognized SSL")) {
                // The JDK's words for a plain HTTP answer to a TLS hello: a CA would not help.
                return "the S3 server for " + location + " answered HTTPS in plain HTTP: give --s3-endpoint as http://";
            }
            return "the S3 server for " + location + " failed the TLS handshake (" + FailureCause.of(e) + "). If your"
                    + " own CA signed its certificate, give that CA's PEM file to this command as "
                    + S3Clients.CA_FILE_VARIABLE + ", as to the migrator's services; the certificate must also name"
                    + " the host you gave";
        }
        return "cannot reach the S3 server for " + location + " (" + FailureCause.of(e) + "); check --s3-endpoint";
    }

    /** The same, for a request after the bucket was reached ({@link FailureCause#midway}). */
    static String midway(SdkException e, BucketLocation location) {
        return e instanceof S3Exception refused
                ? refusal(refused, location)
                : FailureCause.midway("the S3 server", location, e);
    }

    private static String refusal(S3Exception e, BucketLocation location) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        if ("NoSuchBucket".equals(code) || (e.statusCode() == 404 && code == null)) {
            return "there is no bucket " + location.bucket() + " (check its name, and --s3-endpoint for a server"
                    + " other than AWS)";
        }
        if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
            return "S3 did not take the credentials (" + code + "): check AWS_ACCESS_KEY_ID and"
                    + " AWS_SECRET_ACCESS_KEY";
        }
        if (e.statusCode() == 403) {
            return "S3 refused access to " + location + " (" + code + "): the credentials must list, read and write"
                    + " it (s3:ListBucket, s3:GetObject, s3:PutObject)";
        }
        if (e.statusCode() == 301 || "PermanentRedirect".equals(code) || "AuthorizationHeaderMalformed".equals(code)) {
            return "the bucket " + location.bucket() + " is in another region: give it with --s3-region";
        }
        return "S3 answered " + e.statusCode() + (code == null ? "" : " " + code) + " for " + location;
    }
}
