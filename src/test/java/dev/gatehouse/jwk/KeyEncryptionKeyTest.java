package dev.gatehouse.jwk;

import dev.gatehouse.kernel.config.InvalidConfigException;
import dev.gatehouse.kernel.config.MapConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyEncryptionKeyTest {

    private static final byte[] SECRET = "{\"d\":\"private exponent\"}".getBytes(StandardCharsets.UTF_8);

    private static byte[] random32() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void openWhenSameKeyAndAssociatedDataThenPlaintext() {
        KeyEncryptionKey kek = new KeyEncryptionKey(random32());
        KeyEncryptionKey.Sealed sealed = kek.seal(SECRET, "tenant\0set\0kid");

        assertArrayEquals(SECRET, kek.open(sealed, "tenant\0set\0kid"));
        assertFalse(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.ISO_8859_1).contains("private"));
    }

    @Test
    void sealWhenSamePlaintextTwiceThenFreshIvEachTime() {
        KeyEncryptionKey kek = new KeyEncryptionKey(random32());

        KeyEncryptionKey.Sealed a = kek.seal(SECRET, "ad");
        KeyEncryptionKey.Sealed b = kek.seal(SECRET, "ad");

        assertNotEquals(a.iv(), b.iv());
        assertNotEquals(a.ciphertext(), b.ciphertext());
        assertEquals(12, Base64.getDecoder().decode(a.iv()).length);
    }

    @Test
    void openWhenOtherKekThenClearErrorNamingBothKeyIds() {
        KeyEncryptionKey right = new KeyEncryptionKey(random32());
        KeyEncryptionKey wrong = new KeyEncryptionKey(random32());
        KeyEncryptionKey.Sealed sealed = right.seal(SECRET, "ad");

        KeyEncryptionKey.UnreadableKeyException e = assertThrows(KeyEncryptionKey.UnreadableKeyException.class,
                () -> wrong.open(sealed, "ad"));
        assertTrue(e.getMessage().contains(right.id()) && e.getMessage().contains(wrong.id()), e.getMessage());
    }

    @Test
    void openWhenOtherKekPretendingSameIdThenRefusedNotGarbage() {
        KeyEncryptionKey right = new KeyEncryptionKey(random32());
        KeyEncryptionKey wrong = new KeyEncryptionKey(random32());
        KeyEncryptionKey.Sealed sealed = right.seal(SECRET, "ad");
        KeyEncryptionKey.Sealed relabelled = new KeyEncryptionKey.Sealed(sealed.ciphertext(), sealed.iv(), wrong.id());

        assertThrows(KeyEncryptionKey.UnreadableKeyException.class, () -> wrong.open(relabelled, "ad"));
    }

    @Test
    void openWhenCiphertextMovedToAnotherKeysRowThenRefused() {
        KeyEncryptionKey kek = new KeyEncryptionKey(random32());
        KeyEncryptionKey.Sealed sealed = kek.seal(SECRET, "acme\0set\0kid-1");

        assertThrows(KeyEncryptionKey.UnreadableKeyException.class, () -> kek.open(sealed, "globex\0set\0kid-1"));
        assertThrows(KeyEncryptionKey.UnreadableKeyException.class, () -> kek.open(sealed, "acme\0set\0kid-2"));
    }

    @Test
    void openWhenCiphertextAlteredThenRefused() {
        KeyEncryptionKey kek = new KeyEncryptionKey(random32());
        KeyEncryptionKey.Sealed sealed = kek.seal(SECRET, "ad");
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        bytes[0] ^= 1;
        KeyEncryptionKey.Sealed altered = new KeyEncryptionKey.Sealed(Base64.getEncoder().encodeToString(bytes), sealed.iv(), sealed.kekId());

        assertThrows(KeyEncryptionKey.UnreadableKeyException.class, () -> kek.open(altered, "ad"));
    }

    @Test
    void configWhenKekNot32BytesThenStartupErrorWithoutTheValue() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        InvalidConfigException e = assertThrows(InvalidConfigException.class,
                () -> JwkConfigs.of("gatehouse.jwk.kek", shortKey));
        assertTrue(e.getMessage().contains("gatehouse.jwk.kek") && !e.getMessage().contains(shortKey), e.getMessage());
        assertThrows(InvalidConfigException.class, () -> JwkConfigs.of("gatehouse.jwk.kek", "not base64 !!"));
    }

    @Test
    void kekWhenConfiguredThenUsedAndNoFileWritten(@TempDir Path dir) {
        byte[] key = random32();
        MapConfig config = JwkConfigs.map("gatehouse.jwk.kek", Base64.getEncoder().encodeToString(key),
                "server.output.dir", dir.toString());

        KeyEncryptionKey kek = new KeyEncryptionKeys(new JwkConfig(config), config).current();

        assertEquals(new KeyEncryptionKey(key).id(), kek.id());
        assertFalse(Files.exists(dir.resolve(KeyEncryptionKeys.GENERATED_FILE)));
    }

    @Test
    void kekWhenFileConfiguredThenReadFromIt(@TempDir Path dir) throws Exception {
        byte[] key = random32();
        Path file = Files.writeString(dir.resolve("kek"), Base64.getEncoder().encodeToString(key) + "\n");
        MapConfig config = JwkConfigs.map("gatehouse.jwk.kek-file", file.toString());

        assertEquals(new KeyEncryptionKey(key).id(), new KeyEncryptionKeys(new JwkConfig(config), config).current().id());
    }

    @Test
    void kekWhenNothingConfiguredThenGeneratedOnceIntoServerDirectoryOwnerOnly(@TempDir Path dir) throws Exception {
        MapConfig config = JwkConfigs.map("server.output.dir", dir.toString());

        KeyEncryptionKey first = new KeyEncryptionKeys(new JwkConfig(config), config).current();
        KeyEncryptionKey again = new KeyEncryptionKeys(new JwkConfig(config), config).current();

        Path file = dir.resolve(KeyEncryptionKeys.GENERATED_FILE);
        assertEquals(first.id(), again.id(), "a restart reads the generated key instead of making another");
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).trim()).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
