package io.github.yclientsbot.setup;

import io.github.yclientsbot.company.Settings;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.config.Values;
import io.github.yclientsbot.storage.ContentRestore.MappingRow;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code /export} document: plain settings, service buttons and claimed admins as JSON, never a token.
 *
 * <pre>{@code
 * {"format": "yclients-telegram-bot-export", "version": 2, "exported_at": "...", "bot_version": "0.1.0",
 *  "settings": {"yclients.company.id": "502817", "yclients.company.ids": "502817,611205", ...},
 *  "service_buttons": [{"company_id": 502817, "service_id": 13700211, "staff_id": 0, "title": "...",
 *                       "custom_title": false, "price_min": 2500.00, "price_max": 4000.00, "position": 1}],
 *  "admins": [1001]}
 * }</pre>
 *
 * Version 2 (branches) gives each button its branch, {@code company_id}; a version 1 file (from before branches) is
 * still read, its buttons belonging to no branch yet — the bot's first branch takes them.
 *
 * {@link #parse} checks everything before anything is written, so a bad file changes nothing. Prices are read
 * with scale 2, as they are stored.
 */
public record ExportFile(Instant exportedAt, String botVersion, Map<String, String> settings,
                         List<MappingRow> buttons, Set<Long> admins) {

    public static final String FORMAT = "yclients-telegram-bot-export";
    public static final int VERSION = 2;
    /** The version before branches, still imported. */
    static final int VERSION_BEFORE_BRANCHES = 1;
    /** The largest file {@code /import} reads. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_BUTTONS = 1000;
    static final int MAX_ADMINS = 1000;
    private static final int MAX_TITLE = 255;
    private static final BigDecimal MAX_PRICE = new BigDecimal("9999999999.99");

    public ExportFile {
        settings = Map.copyOf(settings);
        buttons = List.copyOf(buttons);
        admins = Set.copyOf(admins);
    }

    /** Why a file was refused; {@code detail} names the field (or the version found). */
    public static final class InvalidException extends Exception {
        public enum Problem { NOT_JSON, NOT_AN_EXPORT, VERSION, INVALID }

        private final Problem problem;
        private final String detail;

        InvalidException(Problem problem, String detail) {
            super(problem + (detail == null ? "" : ": " + detail));
            this.problem = problem;
            this.detail = detail;
        }

        public Problem problem() {
            return problem;
        }

        public String detail() {
            return detail;
        }
    }

    public byte[] toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("exported_at", exportedAt.toString());
        root.put("bot_version", botVersion);
        root.put("note", "Tokens are not included: set them again on the new bot (/settoken or the environment).");
        ObjectNode s = root.putObject("settings");
        new java.util.TreeMap<>(settings).forEach(s::put);
        ArrayNode b = root.putArray("service_buttons");
        for (MappingRow m : buttons) {
            ObjectNode row = b.addObject();
            row.put("company_id", m.companyId());
            row.put("service_id", m.serviceId());
            row.put("staff_id", m.staffId());
            row.put("title", m.title());
            row.put("custom_title", m.customTitle());
            row.put("price_min", m.priceMin());
            row.put("price_max", m.priceMax());
            row.put("position", m.position());
        }
        ArrayNode a = root.putArray("admins");
        admins.stream().sorted().forEach(a::add);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the export", e);
        }
    }

    public static ExportFile parse(byte[] bytes, ObjectMapper mapper) throws InvalidException {
        JsonNode root;
        try {
            root = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidException(InvalidException.Problem.NOT_JSON, null);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText(null))) {
            throw new InvalidException(InvalidException.Problem.NOT_AN_EXPORT, null);
        }
        JsonNode version = root.path("version");
        if (!version.isIntegralNumber() || version.asInt() != VERSION && version.asInt() != VERSION_BEFORE_BRANCHES) {
            throw new InvalidException(InvalidException.Problem.VERSION, version.isMissingNode() ? "—" : version.asText());
        }
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(root.path("exported_at").asText(""));
        } catch (RuntimeException e) {
            throw invalid("exported_at");
        }
        return new ExportFile(exportedAt, root.path("bot_version").asText(""), settings(root.path("settings")),
                buttons(root.path("service_buttons"), version.asInt() >= VERSION), admins(root.path("admins")));
    }

    private static Map<String, String> settings(JsonNode node) throws InvalidException {
        if (!node.isObject()) {
            throw invalid("settings");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            String field = "settings." + name;
            if (!Settings.exportable(name) || !e.getValue().isTextual()) {
                throw invalid(field);
            }
            String value = e.getValue().asText();
            if (value.isBlank() || value.length() > 4000) {
                throw invalid(field);
            }
            if (name.equals(SettingKey.YCLIENTS_COMPANY_ID.key()) && Values.parsePositiveLong(value).isEmpty()) {
                throw invalid(field);
            }
            if (name.equals(SettingKey.YCLIENTS_GROUP_ID.key()) && Values.parsePositiveLong(value).isEmpty()) {
                throw invalid(field);
            }
            if (name.equals(SettingKey.YCLIENTS_COMPANY_IDS.key())
                    && Values.parseIdSequence(value).map(List::isEmpty).orElse(true)) {
                throw invalid(field);
            }
            if (name.equals(SettingKey.YCLIENTS_ENABLED.key()) && Values.parseBoolean(value).isEmpty()) {
                throw invalid(field);
            }
            if (name.equals(SettingKey.YCLIENTS_BOOKING_URL.key()) && !value.startsWith("https://")
                    && !value.startsWith("http://")) {
                throw invalid(field);
            }
            out.put(name, value);
        }
        return out;
    }

    private static List<MappingRow> buttons(JsonNode node, boolean withBranches) throws InvalidException {
        if (!node.isArray() || node.size() > MAX_BUTTONS) {
            throw invalid("service_buttons");
        }
        List<MappingRow> out = new ArrayList<>();
        Set<List<Long>> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            String at = "service_buttons[" + i + "].";
            if (!row.isObject()) {
                throw invalid("service_buttons[" + i + "]");
            }
            long companyId = withBranches && row.has("company_id") ? id(row.path("company_id"), at + "company_id", true) : 0;
            long serviceId = id(row.path("service_id"), at + "service_id", false);
            long staffId = row.has("staff_id") ? id(row.path("staff_id"), at + "staff_id", true) : 0;
            JsonNode title = row.path("title");
            if (!title.isTextual() || title.asText().isBlank() || title.asText().length() > MAX_TITLE) {
                throw invalid(at + "title");
            }
            JsonNode custom = row.path("custom_title");
            if (!custom.isMissingNode() && !custom.isBoolean()) {
                throw invalid(at + "custom_title");
            }
            BigDecimal min = price(row.path("price_min"), at + "price_min");
            BigDecimal max = price(row.path("price_max"), at + "price_max");
            JsonNode position = row.path("position");
            if (!position.isIntegralNumber() || !position.canConvertToInt() || position.asInt() < 0) {
                throw invalid(at + "position");
            }
            if (!seen.add(List.of(companyId, serviceId, staffId))) {
                throw invalid(at + "service_id");
            }
            out.add(new MappingRow(serviceId, staffId, title.asText().strip(), custom.asBoolean(false), min, max,
                    position.asInt(), companyId));
        }
        return out;
    }

    private static Set<Long> admins(JsonNode node) throws InvalidException {
        if (node.isMissingNode()) {
            return Set.of();
        }
        if (!node.isArray() || node.size() > MAX_ADMINS) {
            throw invalid("admins");
        }
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(id(node.get(i), "admins[" + i + "]", false));
        }
        return out;
    }

    /** A positive id (or 0 when {@code zeroAllowed}) given as a JSON integer. */
    private static long id(JsonNode node, String field, boolean zeroAllowed) throws InvalidException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid(field);
        }
        long value = node.asLong();
        if (value < 0 || value == 0 && !zeroAllowed) {
            throw invalid(field);
        }
        return value;
    }

    private static BigDecimal price(JsonNode node, String field) throws InvalidException {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw invalid(field);
        }
        BigDecimal price = node.decimalValue();
        if (price.signum() < 0 || price.compareTo(MAX_PRICE) > 0) {
            throw invalid(field);
        }
        return price.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static InvalidException invalid(String field) {
        return new InvalidException(InvalidException.Problem.INVALID, field);
    }
}
