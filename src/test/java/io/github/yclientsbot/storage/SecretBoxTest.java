package io.github.yclientsbot.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String TOKEN = "yclients-partner-token-ÄÖ-🔑";

    @TempDir
    Path dir;

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void aFingerprintIsStableKeyedAndDoesNotShowTheText() {
        String phone = "79161234567";
        String print = new SecretBox(key(1)).fingerprint(phone);
        assertTrue(print.matches("[0-9a-f]{64}"), print);
        assertEquals(print, new SecretBox(key(1)).fingerprint(phone), "the same key gives the same fingerprint");
        assertNotEquals(print, new SecretBox(key(2)).fingerprint(phone), "another key, another fingerprint");
        assertNotEquals(print, new SecretBox(key(1)).fingerprint("79161234568"));
        assertFalse(print.contains(phone));
    }

    @Test
    void roundTrip() throws Exception {
        SecretBox box = new SecretBox(key(1));
        String stored = box.encrypt(TOKEN);
        assertTrue(stored.startsWith("v1:"));
        assertFalse(stored.contains("yclients"));
        assertEquals(TOKEN, box.decrypt(stored));
        assertEquals("", box.decrypt(box.encrypt("")));
    }

    @Test
    void storedFormIsIvThenCiphertextAndTag() {
        byte[] raw = Base64.getDecoder().decode(new SecretBox(key(1)).encrypt("abc").substring(3));
        assertEquals(12 + 3 + 16, raw.length);
    }

    @Test
    void everyEncryptionUsesAFreshIv() {
        SecretBox box = new SecretBox(key(1));
        assertNotEquals(box.encrypt(TOKEN), box.encrypt(TOKEN));
    }

    @Test
    void tamperedDataIsRejected() {
        SecretBox box = new SecretBox(key(1));
        byte[] raw = Base64.getDecoder().decode(box.encrypt(TOKEN).substring(3));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThrows(SecretBoxException.class, () -> box.decrypt(tampered));
    }

    @Test
    void aDifferentKeyIsRejected() {
        String stored = new SecretBox(key(1)).encrypt(TOKEN);
        assertThrows(SecretBoxException.class, () -> new SecretBox(key(2)).decrypt(stored));
    }

    @Test
    void garbageIsRejectedWithoutCrashing() {
        SecretBox box = new SecretBox(key(1));
        for (String garbage : new String[] {null, "", "plain-token", "v1:", "v1:!!!not base64!!!", "v1:AAAA",
                "v2:" + box.encrypt(TOKEN).substring(3)}) {
            assertThrows(SecretBoxException.class, () -> box.decrypt(garbage), String.valueOf(garbage));
        }
    }

    @Test
    void keyMustBe32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }

    @Test
    void toStringDoesNotShowTheKey() {
        assertFalse(new SecretBox(key(65)).toString().contains("AAAA"));
    }

    @Test
    void keyTextIsHashedToTheKey() throws Exception {
        Path unused = dir.resolve("never-created.key");
        SecretBox fromText = SecretBox.fromKeyOrFile("correct horse battery staple", unused);
        SecretBox same = SecretBox.fromKeyOrFile("correct horse battery staple", unused);
        assertEquals(TOKEN, same.decrypt(fromText.encrypt(TOKEN)));
        assertThrows(SecretBoxException.class,
                () -> SecretBox.fromKeyOrFile("another passphrase", unused).decrypt(fromText.encrypt(TOKEN)));
        assertFalse(Files.exists(unused));
    }

    @Test
    void keyFileIsCreatedOnceOwnerOnlyAndReused() throws Exception {
        // GIVEN no key file yet (and not even its directory)
        Path keyFile = dir.resolve("data").resolve("secret.key");

        // WHEN the box is made twice
        SecretBox first = SecretBox.fromKeyOrFile("  ", keyFile);
        String content = Files.readString(keyFile, StandardCharsets.US_ASCII);
        SecretBox second = SecretBox.fromKeyOrFile(null, keyFile);

        // THEN the file was created once, holds 32 random bytes, and both boxes share the key
        assertEquals(32, Base64.getDecoder().decode(content.strip()).length);
        assertEquals(content, Files.readString(keyFile, StandardCharsets.US_ASCII));
        assertEquals(TOKEN, second.decrypt(first.encrypt(TOKEN)));
        assumeTrue(Files.getFileStore(keyFile).supportsFileAttributeView("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
    }

    @Test
    void aDamagedKeyFileIsAStorageException() throws Exception {
        Path keyFile = dir.resolve("secret.key");
        Files.writeString(keyFile, "not a key");
        StorageException failure = assertThrows(StorageException.class, () -> SecretBox.fromKeyOrFile("", keyFile));
        assertEquals("the secret key file " + keyFile + " is damaged (expected base64 of 32 bytes)",
                failure.getMessage());
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(new byte[16]));
        assertThrows(StorageException.class, () -> SecretBox.fromKeyOrFile(null, keyFile));
    }
}
