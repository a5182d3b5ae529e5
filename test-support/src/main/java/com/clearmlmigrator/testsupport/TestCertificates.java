package com.clearmlmigrator.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority of a test's own, as an organisation runs one: it signs server certificates for {@code
 * localhost} and {@code 127.0.0.1}, which no JVM trusts unless told to.
 */
public final class TestCertificates {
    private static final Duration VALIDITY = Duration.ofDays(2);

    private final String name;
    private final KeyPair caKeys;
    private final X509Certificate caCertificate;

    private TestCertificates(String name) {
        this.name = name;
        this.caKeys = newKeyPair();
        this.caCertificate = sign(new X500Name("CN=" + name), caKeys, caKeys, true);
    }

    /** A new authority with its own key; two authorities never trust each other's certificates. */
    public static TestCertificates newAuthority(String name) {
        return new TestCertificates(name);
    }

    /** Writes the authority's certificate as PEM, the form {@code MIGRATOR_TLS_CA_FILE} takes. */
    public Path writeCaPem(Path file) {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(caCertificate);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, pem.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server side of TLS for {@code localhost}, with a certificate this authority signed. */
    public SSLContext serverContext() {
        KeyPair serverKeys = newKeyPair();
        X509Certificate server = sign(new X500Name("CN=localhost"), serverKeys, caKeys, false);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "test".toCharArray();
            store.setKeyEntry(
                    "server", serverKeys.getPrivate(), password, new X509Certificate[] {server, caCertificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The test server's TLS context could not be made", e);
        }
    }

    private X509Certificate sign(X500Name subject, KeyPair subjectKeys, KeyPair issuerKeys, boolean authority) {
        Instant now = Instant.now();
        X500Name issuer = authority ? subject : new X500Name("CN=" + name);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                BigInteger.valueOf(now.toEpochMilli()).add(BigInteger.valueOf(System.nanoTime() & 0xffff)),
                Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)),
                subject,
                subjectKeys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            if (!authority) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                }));
            }
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("A test certificate could not be signed", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
