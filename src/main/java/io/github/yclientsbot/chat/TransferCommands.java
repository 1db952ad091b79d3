package io.github.yclientsbot.chat;

import io.github.yclientsbot.setup.ExportFile;
import io.github.yclientsbot.setup.ExportImport;
import io.github.yclientsbot.setup.Role;
import io.github.yclientsbot.config.Values;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static io.github.yclientsbot.chat.CustomerCommands.simple;

/**
 * {@code /export} sends the settings, service buttons and admins as a JSON file; {@code /import} is the caption
 * of that file sent back, and restores it — asking first when the file names admins who are not admins here. Admins
 * only, private chat only (the file names admins).
 */
public final class TransferCommands {
    private static final Logger log = LoggerFactory.getLogger(TransferCommands.class);

    /** The data of Yes/No under the question about an import file's admins: {@code imp:y:<ticket>}, {@code imp:n:<ticket>}. */
    static final String IMPORT_ANSWER = "imp:";
    private static final int IDS_SHOWN = 100;

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
            ExportImport.ImportStep step = transfer.importFile(bytes, ctx.userId());
            if (step instanceof ExportImport.AdminsToConfirm ask) {
                log.info("Admin {} sent an /import file naming {} new admins: asked first", ctx.userId(), ask.newAdmins().size());
                return Reply.of(question(ctx, ask));
            }
            return Reply.text(ctx.chatId(), imported(ctx, (ExportImport.Imported) step));
        } catch (ExportFile.InvalidException e) {
            log.info("Refused the /import file of user {}: {}", ctx.userId(), e.getMessage());
            String key = "import.refused." + e.problem().name().toLowerCase(Locale.ROOT);
            return ctx.say(key, "detail", e.detail() == null ? "" : e.detail(), "version", ExportFile.VERSION);
        }
    }

    /** Yes or No under the question about an import file's admins: the file is imported now (or the question is stale). */
    Reply answer(Context ctx, String data) {
        String rest = data.substring(IMPORT_ANSWER.length());
        boolean yes = rest.startsWith("y:");
        OptionalLong ticket = rest.length() > 2 && (yes || rest.startsWith("n:"))
                ? Values.parsePositiveLong(rest.substring(2)) : OptionalLong.empty();
        Optional<ExportImport.Imported> done = ticket.isEmpty() || !ctx.isPrivate()
                ? Optional.empty() : transfer.confirm(ctx.userId(), ticket.getAsLong(), yes);
        if (done.isEmpty()) {
            return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), ctx.t("import.admins.stale")));
        }
        return Reply.of(new Action.AnswerCallback(ctx.chatId(), ctx.in().callbackId(), null),
                new Action.Edit(ctx.chatId(), ctx.in().messageId(), imported(ctx, done.get()), Keyboard.NONE));
    }

    private static String imported(Context ctx, ExportImport.Imported r) {
        log.info("Admin {} imported {} settings, {} buttons and {} admins", ctx.userId(), r.settings(), r.buttons(), r.admins());
        return ctx.t("import.ok", "settings", r.settings(), "buttons", r.buttons(), "admins", r.admins(),
                "exported", r.exportedAt().toString());
    }

    /**
     * "Make them admins?" with every new id shown. More than {@value #IDS_SHOWN} do not fit in a message (4096
     * characters): then only "without them" is offered — no one becomes an admin unseen.
     */
    private static Action question(Context ctx, ExportImport.AdminsToConfirm ask) {
        List<Long> ids = ask.newAdmins();
        Button no = Button.callback(ctx.t("import.admins.no"), IMPORT_ANSWER + "n:" + ask.ticket());
        if (ids.size() > IDS_SHOWN) {
            return ctx.send(ctx.t("import.admins.too.many", "count", ids.size(), "max", IDS_SHOWN),
                    Keyboard.builder().row(List.of(no)).build());
        }
        String shown = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return ctx.send(ctx.t("import.admins.ask", "ids", shown), Keyboard.builder().row(List.of(
                Button.callback(ctx.t("import.admins.yes"), IMPORT_ANSWER + "y:" + ask.ticket()), no)).build());
    }
}
