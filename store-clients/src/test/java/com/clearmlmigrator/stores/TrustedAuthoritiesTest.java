package com.clearmlmigrator.stores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoSocketWriteException;
import com.mongodb.ServerAddress;

class TrustedAuthoritiesTest {
    @TempDir
    Path dir;

    @Test
    void trustsTheCaOfThePemFileBesideTheJvmsOwnAuthorities() throws Exception {
        X509Certificate[] trusted = TrustedAuthorities.trustManager(testCa()).getAcceptedIssuers();

        assertThat(Arrays.stream(trusted).map(c -> c.getSubjectX500Principal().getName()))
                .contains("CN=clearml-migrator test CA");
        assertThat(trusted.length).isGreaterThan(1);
        assertThat(TrustedAuthorities.sslContext(Optional.of(testCa()))).isNotNull();
    }

    @Test
    void aMissingFileIsNamedWithTheSettingThatPointsToIt() {
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> TrustedAuthorities.sslContext(Optional.of(missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("MIGRATOR_TLS_CA_FILE")
                .hasMessageContaining("cannot be read");
    }

    @Test
    void aFileWithoutCertificatesIsRefused() throws IOException {
        Path key = Files.writeString(
                dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");

        assertThatThrownBy(() -> TrustedAuthorities.sslContext(Optional.of(key)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MIGRATOR_TLS_CA_FILE");
        assertThatThrownBy(() -> TrustedAuthorities.sslContext(Optional.of(empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MIGRATOR_TLS_CA_FILE");
    }

    @Test
    void certificateAndHandshakeFailuresAreTlsFailuresWhereverTheyAreWrapped() {
        var handshake = new SSLHandshakeException("PKIX path building failed");
        var wrapped = new MongoSocketWriteException("Exception sending message", new ServerAddress(), handshake);

        assertThat(TrustedAuthorities.isTlsFailure(wrapped)).isTrue();
        assertThat(TrustedAuthorities.isTlsFailure(new IOException(new CertificateException("expired"))))
                .isTrue();
        assertThat(TrustedAuthorities.isTlsFailure(new IOException("Connection refused")))
                .isFalse();
    }

    private static Path testCa() throws URISyntaxException {
        return Path.of(
                TrustedAuthoritiesTest.class.getResource("/tls/test-ca.pem").toURI());
    }
}
