package dev.gatehouse.jwk;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * A self-signed X.509 certificate over a key pair in a PKCS#11 token, signed inside the token. The JDK's PKCS#11
 * key store keeps a private key only beside a certificate; nobody relies on the certificate itself (the JWKS carries
 * the bare public key), so it names the key alias and is valid for as long as any key could live.
 */
final class TokenCertificates {

    private TokenCertificates() {
    }

    static X509Certificate selfSigned(KeyPair pair, SigningAlgorithm alg, String alias, Provider token) {
        AlgorithmIdentifier signature = switch (alg) {
            case RS256 -> new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
            case ES256 -> new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        };
        X500Name name = new X500Name("CN=" + alias.replaceAll("[^A-Za-z0-9._-]", "_") + ", O=Gatehouse signing key");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
        tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(now.getEpochSecond())));
        tbs.setIssuer(name);
        tbs.setSubject(name);
        tbs.setStartDate(new Time(Date.from(now)));
        tbs.setEndDate(new Time(Date.from(now.plus(36_500, ChronoUnit.DAYS))));
        tbs.setSignature(signature);
        tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
        TBSCertificate body = tbs.generateTBSCertificate();
        try {
            Signature signer = Signature.getInstance(alg == SigningAlgorithm.RS256 ? "SHA256withRSA" : "SHA256withECDSA", token);
            signer.initSign(pair.getPrivate());
            signer.update(body.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector certificate = new ASN1EncodableVector();
            certificate.add(body);
            certificate.add(signature);
            certificate.add(new DERBitString(signer.sign()));
            byte[] der = new DERSequence(certificate).getEncoded(ASN1Encoding.DER);
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot certify the token key " + alias, e);
        }
    }
}
