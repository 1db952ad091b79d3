package io.github.yclientsbot.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AES-256-GCM encryption of secrets (tokens) that admins send in chat and the bot stores in the database.
 *
 * <p>Stored form: {@code "v1:" + base64(12-byte IV || ciphertext || 16-byte tag)}. Every encryption uses a
 * fresh random IV, so the same secret encrypts differently each time.
 */
public final class SecretBox {

    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);

    static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random;

    /** @param key32 exactly 32 bytes; the array is copied */
    public SecretBox(byte[] key32) {
        Objects.requireNonNull(key32, "key32");
        if (key32.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key must be 32 bytes, got " + key32.length);
        }
        this.key = new SecretKeySpec(key32.clone(), "AES");
        this.random = new SecureRandom();
    }

    /**
     * A non-blank {@code keyText} wins: the key is SHA-256 of its UTF-8 bytes. Otherwise the key is read
     * from {@code keyFile} (base64 of 32 bytes); a missing file is created once with random bytes and
     * owner-only permissions where the file system supports POSIX permissions.
     */
    public static SecretBox fromKeyOrFile(String keyText, Path keyFile) throws StorageException {
        if (keyText != null && !keyText.isBlank()) {
            return new SecretBox(sha256(keyText.getBytes(StandardCharsets.UTF_8)));
        }
        Objects.requireNonNull(keyFile, "keyFile");
        if (!Files.exists(keyFile)) {
            try {
                createKeyFile(keyFile);
                log.info("created a new secret key file at {}", keyFile);
            } catch (FileAlreadyExistsException raced) {
                log.debug("secret key file {} appeared while creating it; using it", keyFile);
            } catch (IOException e) {
                throw new StorageException("cannot create the secret key file " + keyFile + ": "
                        + oneLine(e), e);
            }
        }
        return new SecretBox(readKeyFile(keyFile));
    }

    public String encrypt(String plain) {
        Objects.requireNonNull(plain, "plain");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            // AES/GCM is mandatory in every Java runtime; this means a broken JDK, not bad input.
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** {@code true} when {@code text} has the stored form of {@link #encrypt} (whether or not this key opens it). */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    public String decrypt(String stored) throws SecretBoxException {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new SecretBoxException("not a stored secret (expected the v1: format)");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretBoxException("the stored secret is not valid base64", e);
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("the stored secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretBoxException("the stored secret cannot be decrypted (wrong key or damaged data)", e);
        }
    }

    /**
     * A keyed one-way fingerprint of {@code text} (64 hex characters): HMAC-SHA256 under a key derived from this
     * box's key, so a value with few possibilities (a phone number) cannot be recovered from the database
     * alone. The same text always gives the same fingerprint with the same key.
     */
    public String fingerprint(String text) {
        return fingerprint("fingerprint", text);
    }

    /**
     * The same with a key of its own for {@code purpose} (derived from this box's key with the purpose's name), so
     * hashes kept for one use cannot be joined with those of another.
     */
    public String fingerprint(String purpose, String text) {
        Objects.requireNonNull(text, "text");
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] subKey = derive.doFinal(("yclients-bot " + purpose + " v1").getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(subKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, key hidden]";
    }

    private static void createKeyFile(Path keyFile) throws IOException {
        Path parent = keyFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        byte[] text = Base64.getEncoder().encode(fresh);
        Arrays.fill(fresh, (byte) 0);
        boolean posix = Files.getFileStore(parent != null ? parent : keyFile.toAbsolutePath())
                .supportsFileAttributeView("posix");
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        // CREATE_NEW: never overwrite a key that another process created meanwhile.
        try (FileChannel channel = FileChannel.open(keyFile,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
            ByteBuffer buffer = ByteBuffer.wrap(text);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    private static byte[] readKeyFile(Path keyFile) throws StorageException {
        String text;
        try {
            text = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new StorageException("cannot read the secret key file " + keyFile + ": " + oneLine(e), e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new StorageException("the secret key file " + keyFile
                    + " is damaged (expected base64 of 32 bytes)");
        }
        if (key.length != KEY_BYTES) {
            throw new StorageException("the secret key file " + keyFile
                    + " is damaged (expected base64 of 32 bytes)");
        }
        return key;
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
