package com.clearmlmigrator.cli.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;

/**
 * The storage credentials of a {@code clearml.conf}, found as ClearML's SDK finds them. S3 ({@code sdk.aws.s3}): the
 * {@code credentials} entry whose {@code s3://host/bucket} or {@code s3://bucket} the bucket's URI starts with, the
 * longest first; else the default {@code key} and {@code secret}. Azure ({@code sdk.azure.storage.containers}): the first
 * entry of the container's account whose {@code container_name} is the container's or not given.
 */
public final class ClearmlConf {
    private final List<S3Credentials> entries;
    private final S3Credentials defaults;
    private final List<AzureKey> azureKeys;

    private ClearmlConf(List<S3Credentials> entries, S3Credentials defaults, List<AzureKey> azureKeys) {
        this.entries = entries;
        this.defaults = defaults;
        this.azureKeys = azureKeys;
    }

    /** An entry of {@code sdk.azure.storage.containers}; {@code container} null for every container of the account. */
    private record AzureKey(String account, String key, String container) {
        boolean opens(ContainerLocation location) {
            return location.account().equals(account)
                    && (container == null || container.equals(location.container()))
                    && key != null
                    && !key.isBlank();
        }
    }

    /**
     * What ClearML's SDK would use with a bucket.
     *
     * @param host   the S3 server's host:port for a server other than AWS, null for AWS
     * @param bucket the bucket, null when an entry names only a server
     * @param secure whether the server speaks HTTPS
     */
    public record S3Credentials(String host, String bucket, String key, String secret, String region, boolean secure) {
        String prefix() {
            return ("s3://" + (host == null ? "" : host + "/") + (bucket == null ? "" : bucket))
                    .toLowerCase(Locale.ROOT);
        }

        boolean hasKey() {
            return key != null && !key.isBlank();
        }
    }

    /** @throws IllegalArgumentException with a sentence for the operator when the file cannot be read as HOCON */
    public static ClearmlConf read(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Cannot read " + file + ": give ClearML's configuration file"
                    + " (clearml.conf, where sdk.aws.s3 and sdk.azure.storage hold the buckets' credentials).");
        }
        try {
            Config conf = ConfigFactory.parseFile(
                    file.toFile(), ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF));
            Config s3 = conf.hasPath("sdk.aws.s3") ? conf.getConfig("sdk.aws.s3") : ConfigFactory.empty();
            List<S3Credentials> entries = new ArrayList<>();
            if (s3.hasPath("credentials")) {
                for (Config entry : s3.getConfigList("credentials")) {
                    entries.add(credentials(entry, true));
                }
            }
            // As ClearML's S3BucketConfigurations: prefixes in reverse order, so a longer one comes before its start.
            entries.sort(Comparator.comparing(S3Credentials::prefix).reversed());
            return new ClearmlConf(entries, credentials(s3, true), azureKeys(conf));
        } catch (ConfigException e) {
            throw new IllegalArgumentException(
                    "Cannot read " + file + " as ClearML's configuration (HOCON): " + e.getMessage());
        }
    }

    private static List<AzureKey> azureKeys(Config conf) {
        String containers = "sdk.azure.storage.containers";
        if (!conf.hasPath(containers)) {
            return List.of();
        }
        return conf.getConfigList(containers).stream()
                .map(entry -> new AzureKey(
                        text(entry, "account_name"), text(entry, "account_key"), text(entry, "container_name")))
                .toList();
    }

    private static S3Credentials credentials(Config entry, boolean secureByDefault) {
        return new S3Credentials(
                text(entry, "host"),
                text(entry, "bucket"),
                text(entry, "key"),
                text(entry, "secret"),
                text(entry, "region"),
                entry.hasPath("secure") ? entry.getBoolean("secure") : secureByDefault);
    }

    private static String text(Config entry, String path) {
        return entry.hasPath(path) && !entry.getIsNull(path) ? entry.getString(path) : null;
    }

    /** The credentials ClearML would use for the bucket, if the file has any for it. */
    public Optional<S3Credentials> forBucket(BucketLocation location) {
        String uri = location.toString().toLowerCase(Locale.ROOT);
        return entries.stream()
                .filter(entry -> uri.startsWith(entry.prefix()))
                .findFirst()
                .or(() -> Optional.of(defaults))
                .filter(S3Credentials::hasKey);
    }

    /** The account key ClearML would use for the container, if the file has one for it. */
    public Optional<String> forContainer(ContainerLocation location) {
        return azureKeys.stream()
                .filter(entry -> entry.opens(location))
                .findFirst()
                .map(AzureKey::key);
    }
}
