package com.clearmlmigrator.stores;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities trusted on TLS connections to the users' stores: the JVM's own, plus those in an optional
 * PEM file ({@code MIGRATOR_TLS_CA_FILE}). ClearML servers on a company network usually have certificates signed by the
 * company's own CA, which no JVM trusts; adding it here keeps hostname and chain checks on instead of turning them off.
 */
public final class TrustedAuthorities {
    private TrustedAuthorities() {}

    /** The JVM's own authorities only. */
    public static SSLContext jvmOnly() {
        return sslContext(Optional.empty());
    }

    /**
     * @param caFile a PEM file with one or more CA certificates, or empty for the JVM's authorities only
     * @throws IllegalArgumentException with a sentence naming the file when it cannot be read or holds no certificate
     */
    public static SSLContext sslContext(Optional<Path> caFile) {
        try {
            if (caFile.isEmpty()) {
                return SSLContext.getDefault();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(caFile.get())}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** Trusts the JVM's authorities and those of {@code caFile}. */
    public static X509TrustManager trustManager(Path caFile) throws GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            trusted.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException("An empty key store could not be made", e);
        }
        List<X509Certificate> authorities = new ArrayList<>(jvmAuthorities());
        authorities.addAll(readPem(caFile));
        for (int i = 0; i < authorities.size(); i++) {
            trusted.setCertificateEntry("ca-" + i, authorities.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("The JVM offers no X.509 trust manager");
    }

    private static List<X509Certificate> jvmAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> authorities = new ArrayList<>();
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                authorities.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return authorities;
    }

    private static List<X509Certificate> readPem(Path file) {
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(file)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("The CA file " + file + " (MIGRATOR_TLS_CA_FILE) cannot be read: "
                    + e.getClass().getSimpleName() + ".");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The CA file " + file + " (MIGRATOR_TLS_CA_FILE) is not a PEM file of"
                    + " X.509 certificates: " + e.getMessage());
        }
        if (read.isEmpty()) {
            throw new IllegalArgumentException(
                    "The CA file " + file + " (MIGRATOR_TLS_CA_FILE) holds no certificate; give the PEM of your CA.");
        }
        return read.stream().map(X509Certificate.class::cast).toList();
    }

    /**
     * True when {@code failure} or one of its causes is a TLS failure (a certificate not trusted, a name that does not
     * match, a handshake refused), which waiting and retrying will not cure.
     */
    public static boolean isTlsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.net.ssl.SSLException
                    || cause instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** What to do about a certificate the migrator does not trust, appended to the sentence that reports one. */
    public static final String ADVICE = " If your own CA signed the server's certificate, give that CA's PEM file to"
            + " every migrator service as MIGRATOR_TLS_CA_FILE; the certificate must also name the host you gave.";
}
