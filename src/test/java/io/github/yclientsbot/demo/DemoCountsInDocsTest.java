package io.github.yclientsbot.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What docs/CONSOLE_AND_HTTP.md says about the demo salon is what the demo serves. */
class DemoCountsInDocsTest {
    private static final List<String> NUMBERS = List.of("zero", "one", "two", "three", "four", "five", "six");
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode demo(String name) throws Exception {
        try (InputStream in = DemoYclients.class.getResourceAsStream("/demo/" + name)) {
            return mapper.readTree(in);
        }
    }

    @Test
    void theDocsCountTheDemosServicesAndSpecialists() throws Exception {
        String all = Files.readString(Path.of("docs/CONSOLE_AND_HTTP.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        String docs = all.substring(0, all.indexOf("## The HTTP port"));
        int online = demo("book_services.json").path("data").path("services").size();
        JsonNode catalog = demo("company_services.json").path("data");
        long hidden = StreamSupport.stream(catalog.spliterator(), false).filter(s -> !s.path("is_online").asBoolean()).count();
        int bookable = demo("book_staff.json").path("data").size();
        long left = StreamSupport.stream(demo("company_staff.json").path("data").spliterator(), false)
                .filter(s -> s.path("fired").asInt() == 1).count();
        assertEquals(online + hidden, catalog.size(), "every online service is in the admin catalog");

        assertTrue(docs.contains("It has " + online + " services open for online booking and " + NUMBERS.get((int) hidden)
                + " hidden from it (so `/yservices` lists " + catalog.size() + ","), docs);
        assertTrue(docs.contains(NUMBERS.get(bookable) + " specialists who take online bookings"), docs);
        assertEquals(1, left);
        assertTrue(docs.contains("a fifth who has left"), docs);
    }
}
