package io.github.yclientsbot.chat;

/** Fetches a file a user sent (Telegram: getFile, then the file URL). Implemented by the transport. */
@FunctionalInterface
public interface DocumentDownloader {

    /**
     * @param maxBytes the largest file accepted
     * @throws DownloadException when the file cannot be fetched or is larger than {@code maxBytes}
     */
    byte[] download(String fileId, int maxBytes) throws DownloadException;

    /** The file could not be fetched; {@link #tooLarge()} when it is over the limit. */
    final class DownloadException extends Exception {
        private final boolean tooLarge;

        public DownloadException(String message, boolean tooLarge) {
            super(message);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }
}
