package io.github.yclientsbot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yclientsbot.chat.CommandLine;
import io.github.yclientsbot.chat.SecretCommands;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of an update never reaches the inbox: the update is stored before it is handled (and so lies on disk, and in
 * PostgreSQL's write-ahead log), but the worker gets the original from memory, so nothing is lost by masking the
 * stored copy. Masked, anywhere in the update ({@code message}, {@code edited_message}, a reply's quoted message…):
 * <ul>
 *   <li>the arguments of {@code /settoken}, {@code /yclogin} and {@code /claim} (also {@code /claim@Bot}, in a text
 *       or a caption), each replaced by {@link SecretCommands#HIDDEN} — the command and the number of arguments stay;
 *   <li>in any other text or caption that is not a command, every run of digits (with spaces, brackets, dots or
 *       dashes between) that holds 7 digits or more: a typed phone number, whatever step the customer is at;
 *   <li>a shared contact's {@code phone_number} and {@code vcard};
 *   <li>a sent location: its {@code latitude} and {@code longitude} become 0 (the Bot API needs both; 0,0 reads as
 *       "masked") and every other field of it (accuracy, heading) goes — the nearest branch is found from the
 *       original, and the location is never stored;
 *   <li>the whole text and caption of the bot's own messages echoed in an update (the message whose button was
 *       pressed, a message replied to): the booking summary shows the customer's phone and name, and handling
 *       never reads them.
 * </ul>
 * An update replayed from the inbox after a restart therefore carries the mark instead of the secret; the chat asks
 * the user to send it again ({@link SecretCommands#hiddenIn}).
 */
public final class InboxMasking {
    private static final String HIDDEN = SecretCommands.HIDDEN;
    /** A run of digits and the separators people type in phone numbers, on one line. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?[0-9(][0-9 ()\\-.\u00A0\t]*[0-9]");
    private static final int PHONE_DIGITS = 7;

    private InboxMasking() {
    }

    /** The update as JSON for the inbox, masked. The update itself is not changed. */
    static String payload(ObjectMapper mapper, Update update) throws JsonProcessingException {
        JsonNode tree = mapper.valueToTree(update);
        mask(tree);
        return mapper.writeValueAsString(tree);
    }

    /**
     * A payload stored by an older version (the update as JSON, unmasked), masked the same way — for the upgrade.
     * The same string when there was nothing to mask.
     *
     * @throws JsonProcessingException when it is not JSON
     */
    public static String maskStored(ObjectMapper mapper, String payload) throws JsonProcessingException {
        JsonNode tree = mapper.readTree(payload);
        return mask(tree) ? mapper.writeValueAsString(tree) : payload;
    }

    /** Masks in place, recursively; {@code true} when something changed. */
    static boolean mask(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode o) {
            changed = maskFields(o);
            List<JsonNode> children = new ArrayList<>();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                children.add(e.getValue());
            }
            for (JsonNode child : children) {
                changed |= mask(child);
            }
        } else if (node != null && node.isArray()) {
            for (JsonNode child : node) {
                changed |= mask(child);
            }
        }
        return changed;
    }

    private static boolean maskFields(ObjectNode o) {
        boolean changed = false;
        boolean bots = o.path("from").path("is_bot").asBoolean(false);
        for (String field : List.of("text", "caption")) {
            JsonNode v = o.get(field);
            if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                String masked = bots ? HIDDEN : text(v.asText());
                if (!masked.equals(v.asText())) {
                    o.put(field, masked);
                    changed = true;
                }
            }
        }
        JsonNode location = o.get("location");
        if (location instanceof ObjectNode l && !isMaskedLocation(l)) {
            // the Bot API's Location needs both coordinates: 0,0 (in the ocean) stands for "masked"
            l.removeAll();
            l.put("latitude", 0.0);
            l.put("longitude", 0.0);
            changed = true;
        }
        for (String field : List.of("phone_number", "vcard")) {
            JsonNode v = o.get(field);
            if (v != null && v.isTextual() && !v.asText().isEmpty() && !HIDDEN.equals(v.asText())) {
                o.put(field, HIDDEN);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean isMaskedLocation(ObjectNode l) {
        return l.size() == 2 && l.path("latitude").asDouble(1) == 0 && l.path("longitude").asDouble(1) == 0;
    }

    /** Where a masked location says the user is: nowhere — the update was replayed and the location is gone. */
    static boolean masked(Double latitude, Double longitude) {
        return latitude == null || longitude == null || latitude == 0 && longitude == 0;
    }

    /** A text or caption a user wrote, masked: a secret command's arguments, else the phone numbers in it. */
    static String text(String text) {
        Optional<CommandLine> command = CommandLine.parse(text);
        if (command.isPresent()) {
            CommandLine line = command.get();
            if (!SecretCommands.NAMES.contains(line.name()) || line.rest().isBlank()) {
                return text;
            }
            StringBuilder out = new StringBuilder("/").append(line.name());
            if (line.addressee() != null) {
                out.append('@').append(line.addressee());
            }
            for (int i = 0; i < line.args().size(); i++) {
                out.append(' ').append(HIDDEN);
            }
            return out.toString();
        }
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        boolean found = false;
        while (m.find()) {
            if (digits(m.group()) >= PHONE_DIGITS) {
                m.appendReplacement(out, Matcher.quoteReplacement(HIDDEN));
                found = true;
            }
        }
        if (!found) {
            return text;
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                n++;
            }
        }
        return n;
    }
}
