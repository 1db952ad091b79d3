package io.github.yclientsbot.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.storage.ContentRestore.MappingRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExportFileTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private final ExportFile sample = new ExportFile(Instant.parse("2025-03-01T10:00:00Z"), "0.1.0",
            Map.of("yclients.company.id", "502817", "state.company.title", "Лён"),
            List.of(new MappingRow(13700211, 0, "Стрижка", false, new BigDecimal("2500.00"), new BigDecimal("4000.10"), 1)),
            Set.of(1001L));

    @Test
    void writtenFileReadsBackEqual() throws Exception {
        assertEquals(sample, ExportFile.parse(sample.toJson(mapper), mapper));
    }

    @Test
    void tokensAreNeitherWrittenNorAccepted() {
        String json = new String(sample.toJson(mapper), StandardCharsets.UTF_8);
        assertFalse(json.contains("token\""));
        String withToken = json.replace("\"settings\" : {", "\"settings\" : { \"yclients.api.token\" : \"abc\",");
        assertEquals("settings.yclients.api.token", refused(withToken).detail());
    }

    @Test
    void badFilesAreRefusedWithTheReason() {
        String json = new String(sample.toJson(mapper), StandardCharsets.UTF_8);
        assertEquals(ExportFile.InvalidException.Problem.NOT_JSON, refused("{not json").problem());
        assertEquals(ExportFile.InvalidException.Problem.NOT_AN_EXPORT, refused("[1, 2]").problem());
        assertEquals("7", refused(json.replace("\"version\" : 2", "\"version\" : 7")).detail());
        assertEquals("service_buttons[0].service_id", refused(json.replace("13700211", "\"13700211\"")).detail());
        assertEquals("service_buttons[0].service_id", refused(json.replace("13700211", "0")).detail());
        assertEquals("settings.yclients.company.id", refused(json.replace("\"502817\"", "\"abc\"")).detail());
        assertEquals("admins[0]", refused(json.replace("1001", "-1001")).detail());
        assertEquals("service_buttons[0].price_min", refused(json.replace("2500.00", "-1")).detail());
    }

    private ExportFile.InvalidException refused(String json) {
        return assertThrows(ExportFile.InvalidException.class,
                () -> ExportFile.parse(json.getBytes(StandardCharsets.UTF_8), mapper));
    }
}
