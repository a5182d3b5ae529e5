package com.clearmlmigrator.cli.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClearmlConfTest {
    /** As ClearML's SDK template has it (comments, HOCON's unquoted keys), filled in as an operator would. */
    private static final String CLEARML_CONF = """
            api {
                files_server: "http://files:8081"
            }
            sdk {
                aws {
                    s3 {
                        # The following settings will be used for any bucket not specified below
                        region: "eu-west-1"
                        key: "DEFAULT-KEY"
                        secret: "default-secret"
                        use_credentials_chain: false
                        credentials: [
                            {
                                bucket: "ml-artifacts"
                                key: "ARTIFACTS-KEY"
                                secret: "artifacts-secret"
                            },
                            {
                                # This will apply to all buckets in this host
                                host: "minio:9000"
                                key: "MINIO-KEY"
                                secret: "minio-secret"
                                multipart: false
                                secure: false
                            },
                            {
                                host: "minio:9000"
                                bucket: "datasets"
                                key: "DATASETS-KEY"
                                secret: "datasets-secret"
                                secure: false
                            }
                        ]
                    }
                }
            }
            """;

    @TempDir
    Path folder;

    private ClearmlConf conf(String text) throws IOException {
        return ClearmlConf.read(Files.writeString(folder.resolve("clearml.conf"), text));
    }

    private static String keyFor(ClearmlConf conf, String bucket) {
        return conf.forBucket(BucketLocation.parse(bucket))
                .map(ClearmlConf.S3Credentials::key)
                .orElse("none");
    }

    @Test
    void aBucketGetsTheCredentialsClearmlsSdkWouldUseTheLongestMatchFirst() throws IOException {
        ClearmlConf conf = conf(CLEARML_CONF);

        assertThat(keyFor(conf, "s3://ml-artifacts/clearml")).isEqualTo("ARTIFACTS-KEY");
        assertThat(keyFor(conf, "s3://minio:9000/other/clearml")).isEqualTo("MINIO-KEY");
        assertThat(keyFor(conf, "s3://minio:9000/datasets/clearml")).isEqualTo("DATASETS-KEY");
        assertThat(keyFor(conf, "s3://elsewhere")).isEqualTo("DEFAULT-KEY");
        assertThat(conf.forBucket(BucketLocation.parse("s3://minio:9000/datasets")))
                .hasValueSatisfying(c -> {
                    assertThat(c.secure()).isFalse();
                    assertThat(c.host()).isEqualTo("minio:9000");
                });
        assertThat(conf.forBucket(BucketLocation.parse("s3://elsewhere")))
                .hasValueSatisfying(c -> assertThat(c.region()).isEqualTo("eu-west-1"));
    }

    @Test
    void aFileWithoutKeysForTheBucketGivesNoneSoTheAwsChainIsAsked() throws IOException {
        ClearmlConf conf = conf("sdk { aws { s3 { key: \"\", secret: \"\", credentials: [] } } }");

        assertThat(conf.forBucket(BucketLocation.parse("s3://ml-artifacts"))).isEmpty();
    }

    @Test
    void clearmlsUriOfABucketOnAnotherServerNamesTheServerFirst() {
        BucketLocation minio = BucketLocation.parse("s3://minio:9000/datasets/clearml");

        assertThat(minio.host()).isEqualTo("minio:9000");
        assertThat(minio.bucket()).isEqualTo("datasets");
        assertThat(minio.prefix()).isEqualTo("clearml/");
        assertThat(minio).hasToString("s3://minio:9000/datasets/clearml/");
        assertThatThrownBy(() -> BucketLocation.parse("s3://minio:9000/"))
                .hasMessageStartingWith("'s3://minio:9000/' is not a bucket");
    }

    @Test
    void aFileThatIsNotHoconOrNotThereIsRefusedWithWhatToGive() throws IOException {
        assertThatThrownBy(() -> conf("sdk { aws { s3 { credentials: [ { bucket: } ] }"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "Cannot read " + folder.resolve("clearml.conf") + " as ClearML's configuration");
        assertThatThrownBy(() -> ClearmlConf.read(folder.resolve("missing.conf")))
                .hasMessageStartingWith("Cannot read " + folder.resolve("missing.conf") + ": give ClearML's");
    }

    @Test
    void anAzureContainersKeyIsTheFirstEntryOfItsAccountThatNamesItsContainerOrNone() throws IOException {
        ClearmlConf conf = conf("""
                sdk {
                    azure.storage {
                        containers: [
                            { account_name: "other", account_key: "OTHER-KEY" },
                            { account_name: "mlstore", container_name: "models", account_key: "MODELS-KEY" },
                            { account_name: "mlstore", account_key: "ACCOUNT-KEY" },
                            { account_name: "mlstore", container_name: "datasets", account_key: "LATER-KEY" }
                        ]
                    }
                }
                """);

        assertThat(conf.forContainer(ContainerLocation.parse("azure://mlstore.blob.core.windows.net/models/clearml")))
                .contains("MODELS-KEY");
        assertThat(conf.forContainer(ContainerLocation.parse("azure://mlstore.blob.core.windows.net/datasets")))
                .contains("ACCOUNT-KEY");
        assertThat(conf.forContainer(ContainerLocation.parse("azure://nobody.blob.core.windows.net/datasets")))
                .isEmpty();
        assertThat(conf(CLEARML_CONF)
                        .forContainer(ContainerLocation.parse("azure://mlstore.blob.core.windows.net/datasets")))
                .isEmpty();
    }
}
