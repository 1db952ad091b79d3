package io.github.yclientsbot.chat;

import io.github.yclientsbot.setup.ExportFile;
import io.github.yclientsbot.setup.ExportImport;
import io.github.yclientsbot.setup.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/**
 * {@code /export} sends the settings, service buttons and admins as a JSON file; {@code /import} is the caption
 * of that file sent back, and restores it. Admins only, private chat only (the file names admins).
 */
public final class TransferCommands {
    private static final Logger log = LoggerFactory.getLogger(TransferCommands.class);

    private final ExportImport transfer;
    private final DocumentDownloader downloader;

    public TransferCommands(ExportImport transfer, DocumentDownloader downloader) {
        this.transfer = transfer;
        this.downloader = downloader;
    }

    List<Command> commands() {
        return List.of(
                simple("export", Role.ADMIN, (ctx, line) -> export(ctx)),
                simple("import", Role.ADMIN, (ctx, line) -> importFile(ctx)));
    }

    private Reply export(Context ctx) {
        if (!ctx.isPrivate()) {
            return ctx.say("export.private");
        }
        ExportImport.Export export = transfer.export(ctx.userId());
        log.info("Admin {} exported {} settings and {} buttons", ctx.userId(), export.settings(), export.buttons());
        String caption = ctx.t("export.caption", "settings", export.settings(), "buttons", export.buttons(),
                "admins", export.admins());
        return Reply.of(new Action.SendDocument(ctx.chatId(), export.fileName(), export.json(), caption));
    }

    private Reply importFile(Context ctx) {
        if (!ctx.isPrivate()) {
            return ctx.say("export.private");
        }
        Incoming.Document document = ctx.in().document();
        if (document == null) {
            return ctx.say("import.usage");
        }
        if (document.size() > ExportFile.MAX_BYTES) {
            return ctx.say("import.too.large", "max", ExportFile.MAX_BYTES / 1024);
        }
        byte[] bytes;
        try {
            bytes = downloader.download(document.fileId(), ExportFile.MAX_BYTES);
        } catch (DocumentDownloader.DownloadException e) {
            if (e.tooLarge()) {
                return ctx.say("import.too.large", "max", ExportFile.MAX_BYTES / 1024);
            }
            log.warn("Could not download the /import file of user {} in chat {}: {}", ctx.userId(), ctx.chatId(), e.getMessage());
            return ctx.say("import.download.failed");
        }
        try {
            ExportImport.Imported r = transfer.importFile(bytes, ctx.userId());
            log.info("Admin {} imported {} settings, {} buttons and {} admins", ctx.userId(), r.settings(), r.buttons(), r.admins());
            return ctx.say("import.ok", "settings", r.settings(), "buttons", r.buttons(), "admins", r.admins(),
                    "exported", r.exportedAt().toString());
        } catch (ExportFile.InvalidException e) {
            log.info("Refused the /import file of user {}: {}", ctx.userId(), e.getMessage());
            String key = "import.refused." + e.problem().name().toLowerCase(Locale.ROOT);
            return ctx.say(key, "detail", e.detail() == null ? "" : e.detail(), "version", ExportFile.VERSION);
        }
    }
}
