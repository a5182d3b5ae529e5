package com.clearmlmigrator.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretSealTest {
    private static final SecretSeal SEAL =
            SecretSeal.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final MigrationTask TASK = MigrationTask.inspection(
            new TaskId("job", 0),
            "task",
            new MongoEndpoint("mongodb://admin:s3cr%40t@mongo:27017/?authSource=admin", "backend"));
    private static final MigrationTask COPY = MigrationTask.copy(
            new TaskId("job", 1),
            TaskType.COPY_SLICE,
            "events-log-x",
            new ElasticEndpoint(List.of("http://old:9200"), "elastic", "old-pass"),
            new ElasticEndpoint(List.of("https://new:9200"), "elastic", "new-pass"),
            null,
            new CopySpec.CopySlice(0));

    @Test
    void sealedTasksCarryNoSecretInClearAndOpenToTheOriginal() {
        MigrationTask sealedMongo = SEAL.seal(TASK);
        MigrationTask sealedCopy = SEAL.seal(COPY);

        assertThat(sealedMongo.mongo().uri())
                .doesNotContain("s3cr")
                .startsWith("mongodb://admin:SEALED-")
                .endsWith("@mongo:27017/?authSource=admin");
        assertThat(sealedCopy.elastic().password()).startsWith("SEALED-").doesNotContain("new-pass");
        assertThat(sealedCopy.source().password()).startsWith("SEALED-").doesNotContain("old-pass");
        assertThat(SecretSeal.isSealed(sealedMongo)).isTrue();
        assertThat(SEAL.open(sealedMongo)).isEqualTo(TASK);
        assertThat(SEAL.open(sealedCopy)).isEqualTo(COPY);
        assertThat(SEAL.seal(sealedCopy)).isEqualTo(sealedCopy);
    }

    @Test
    void tasksWithoutSecretsAreLeftAsTheyAre() {
        MigrationTask plain = MigrationTask.inspection(
                new TaskId("job", 2), "events-log-x", new ElasticEndpoint(List.of("http://es:9200"), null, null));

        assertThat(SecretSeal.carriesSecrets(plain)).isFalse();
        assertThat(SecretSeal.carriesSecrets(TASK)).isTrue();
        assertThat(SEAL.seal(plain)).isEqualTo(plain);
    }

    @Test
    void anotherKeyOrABadKeyIsRefusedWithASentence() {
        SecretSeal other = SecretSeal.fromBase64(Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        }));
        MigrationTask sealed = SEAL.seal(COPY);

        assertThatThrownBy(() -> other.open(sealed)).hasMessageContaining("MIGRATOR_SECRET_KEY");
        assertThatThrownBy(() -> SecretSeal.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes");
    }
}
