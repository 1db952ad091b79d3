package io.github.yclientsbot.scenario;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.config.Source;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.testing.Salon;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several branches in one bot (issue 13, the foundation): which branches the bot serves — one company, a list, a
 * chain — and how the three settings and the chat commands combine; /setchain, /addbranch and /delbranch checked
 * against the fake YCLIENTS; buttons per branch; /status per branch. Customers still book the first branch.
 */
class BranchesScenarioTest extends ScenarioBase {
    static final long EKB = Salon.BRANCH_EKB;
    static final long CHAIN = Salon.CHAIN;

    @BeforeEach
    void branches() {
        Salon.serveBranches(yclients);
    }

    private Settings settings() {
        return bot.core().settings();
    }

    private ServiceMappings mappings() {
        return bot.database().serviceMappings();
    }

    /** The service links a customer gets after picking {@code branch} (several branches start with the picker). */
    private List<String> servicesAt(long branch) {
        bot.database().customerBranches().delete(CUSTOMER);
        Outgoing picker = ask(CUSTOMER, "/services");
        assertTrue(picker.text().contains("Выберите город"), picker.text());
        return press(CUSTOMER, picker.messageId(), "br:b:" + branch + ":s").message().buttonUrls();
    }

    /** A bot of its own with {@code extra} in its environment (and the partner token). */
    private void botWith(Map<String, String> extra) throws Exception {
        Path dir = newDir();
        Map<String, String> env = env(dir);
        env.put("YCLIENTS_API_TOKEN", PARTNER);
        env.putAll(extra);
        ownBot(dir, env);
    }

    @Test
    void oneCompanyIsOneBranchAndStatusHasNoBranchLines() {
        setUpCompany();
        mapHaircut();

        Settings.BranchSelection selection = settings().branchSelection();
        assertEquals(Settings.BranchMode.SINGLE, selection.mode());
        assertEquals(List.of(COMPANY), selection.ids());
        assertEquals(List.of(COMPANY), mappings().all().stream().map(m -> m.companyId()).toList(), "the button is the company's");
        String status = ask(SUPPORT, "/status").text();
        assertFalse(status.contains("Филиалов:"), status);
        assertFalse(status.contains("Лимит YCLIENTS"), status);
    }

    @Test
    void aListInTheEnvironmentBeatsTheSingleCompanyAndChatBeatsBoth() throws Exception {
        // GIVEN the environment names one company and a list of two branches
        botWith(Map.of("YCLIENTS_COMPANY_ID", Long.toString(COMPANY), "YCLIENTS_COMPANY_IDS", EKB + ", " + COMPANY));

        // THEN the list is served (same level: the list wins), and company.id, being one of them, is the first branch
        Settings.BranchSelection selection = settings().branchSelection();
        assertEquals(Settings.BranchMode.LIST, selection.mode());
        assertEquals(List.of(EKB, COMPANY), selection.ids());
        assertEquals(Source.ENVIRONMENT, selection.source());
        assertEquals(OptionalLong.of(COMPANY), settings().companyId());

        // WHEN an admin sets one company in chat: chat beats the environment, one branch again
        String single = ask(ADMIN, "/setcompany " + COMPANY).text();
        assertTrue(single.contains("сохранён") && !single.contains("сброшены"), single);
        assertEquals(Settings.BranchMode.SINGLE, settings().branchSelection().mode());
        assertEquals(List.of(COMPANY), settings().branchIds());

        // WHEN the admin adds a branch: the list is now chat's, starting from the branches in effect
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("Филиал " + EKB + " «Студия «Лён» Екатеринбург» добавлен"));
        assertEquals(Settings.BranchMode.LIST, settings().branchSelection().mode());
        assertEquals(Source.CHAT, settings().branchSelection().source());
        assertEquals(List.of(COMPANY, EKB), settings().branchIds());
        assertEquals(OptionalLong.of(COMPANY), settings().companyId());

        // AND /unset branches goes back to the single company set in chat
        assertTrue(ask(ADMIN, "/unset branches").text().contains("yclients.company.ids"));
        assertEquals(List.of(COMPANY), settings().branchIds());

        // AND /setcompany, with branches set in chat, says it drops them: one company
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));
        String dropped = ask(ADMIN, "/setcompany " + COMPANY).text();
        assertTrue(dropped.contains("Филиалы, заданные в чате (/addbranch, /setchain), сброшены"), dropped);
        assertEquals(List.of(COMPANY), settings().branchIds());
    }

    @Test
    void theSameListWrittenOtherwiseInTheEnvironmentIsNotReportedAsShadowed() throws Exception {
        // GIVEN an admin added a branch in chat: the chat list is "502817,611205"
        botWith(Map.of("YCLIENTS_COMPANY_ID", Long.toString(COMPANY)));
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));

        // WHEN the environment gets the same list, written with spaces, and the bot restarts
        int before = logs.rawText().length();
        Map<String, String> env = new java.util.HashMap<>(bot.env());
        env.put("YCLIENTS_COMPANY_IDS", " 502817 , 611205");
        bot.restart(env);
        assertFalse(logs.rawText().substring(before).contains("was set in chat"), logs.rawText().substring(before));

        // BUT another list there is reported: the chat's is used
        before = logs.rawText().length();
        env.put("YCLIENTS_COMPANY_IDS", "611205");
        bot.restart(env);
        assertTrue(logs.rawText().substring(before).contains("yclients.company.ids was set in chat"),
                logs.rawText().substring(before));
        assertEquals(List.of(COMPANY, EKB), settings().branchIds());
    }

    @Test
    void aListInTheEnvironmentBeatsAChainInTheFile() throws Exception {
        // GIVEN the chain in the configuration file, a list in the environment
        Path dir = newDir();
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("bot-config.properties"), "yclients.group.id=" + CHAIN + "\n");
        Map<String, String> env = env(dir);
        env.put("YCLIENTS_API_TOKEN", PARTNER);
        env.put("YCLIENTS_COMPANY_IDS", COMPANY + "," + EKB);
        ownBot(dir, env);

        // THEN the environment's list wins over the file's chain, as any environment value over the file's
        assertEquals(Settings.BranchMode.LIST, settings().branchSelection().mode());
        assertEquals(List.of(COMPANY, EKB), settings().branchIds());
        assertEquals(OptionalLong.of(COMPANY), settings().companyId(), "without company.id, the first of the list");
        assertEquals(List.of(COMPANY, EKB), bot.core().config().yclients().companyIds());
        assertEquals(OptionalLong.of(CHAIN), bot.core().config().yclients().groupId());
    }

    @Test
    void aChainWinsOverAListAtTheSameLevelAndItsBranchesComeFromYclients() throws Exception {
        // GIVEN a chain and a list, both in the environment, and the user token (the chain is read with it)
        botWith(Map.of("YCLIENTS_GROUP_ID", Long.toString(CHAIN), "YCLIENTS_COMPANY_IDS", Long.toString(EKB),
                "YCLIENTS_COMPANY_ID", Long.toString(COMPANY), "YCLIENTS_USER_TOKEN", USER_TOKEN));
        Settings.BranchSelection before = settings().branchSelection();
        assertEquals(Settings.BranchMode.CHAIN, before.mode());
        // not read from YCLIENTS yet: no branch list, so the single company is still the one booked
        assertEquals(List.of(), before.ids());
        assertEquals(OptionalLong.of(COMPANY), settings().companyId());

        // WHEN the chain is read (at start and with the background jobs)
        bot.core().branches().refreshChain();

        // THEN its three branches, in the order /groups lists them
        assertEquals(List.of(COMPANY, EKB, Salon.BRANCH_ARBAT), settings().branchIds());
        List<Branches.Branch> described = bot.core().branches().list();
        Branches.Branch ekb = described.get(1);
        assertEquals(Optional.of("Asia/Yekaterinburg"), ekb.timeZone());
        assertEquals(Optional.of("Екатеринбург"), ekb.city());
        assertEquals(56.838011, ekb.latitude(), 1e-9);
        assertEquals(Optional.of("https://n611301.yclients.com"), ekb.form());
        assertFalse(described.get(2).hasCoordinates(), "0,0 is not a place");

        // AND /addbranch and /delbranch do not touch a chain's list
        assertTrue(ask(ADMIN, "/addbranch 700001").text().contains("из сети " + CHAIN));
        assertTrue(ask(ADMIN, "/delbranch " + EKB).text().contains("из сети " + CHAIN));
        assertEquals(3, settings().branchIds().size());
    }

    @Test
    void setChainIsCheckedWithYclientsAndNeedsTheUserToken() throws Exception {
        setUpCompany();
        mapHaircut();

        // without the user token YCLIENTS does not list chains: refused, nothing saved
        String noToken = ask(ADMIN, "/setchain " + CHAIN).text();
        assertTrue(noToken.contains("пользовательским токеном") && noToken.contains("/addbranch"), noToken);
        assertEquals(Settings.BranchMode.SINGLE, settings().branchSelection().mode());

        assertTrue(ask(ADMIN, "/settoken user " + USER_TOKEN).text().contains("user…3210"));
        // a chain the user does not see: refused with the ones it does, nothing saved
        String unknown = ask(ADMIN, "/setchain 777").text();
        assertTrue(unknown.contains("не показывает сеть 777") && unknown.contains("9206 «Студии «Лён»»"), unknown);
        assertEquals(Settings.BranchMode.SINGLE, settings().branchSelection().mode());
        // bad input: the usage line
        assertTrue(ask(ADMIN, "/setchain abc").text().startsWith("Использование: /setchain"));
        assertTrue(ask(ADMIN, "/setchain").text().startsWith("Использование: /setchain"));

        // accepted: the chain's branches, each with its city, address and time zone
        String saved = ask(ADMIN, "/setchain " + CHAIN).text();
        assertTrue(saved.contains("Сеть 9206 «Студии «Лён»» сохранена, филиалов: 3"), saved);
        assertTrue(saved.contains("611205 «Студия «Лён» Екатеринбург» — Екатеринбург · Екатеринбург, пр. Ленина, 24 (Asia/Yekaterinburg)"), saved);
        assertTrue(saved.contains("первый филиал"), saved);
        assertEquals(Settings.BranchMode.CHAIN, settings().branchSelection().mode());
        assertEquals(Source.CHAT, settings().branchSelection().source());
        assertEquals(List.of(COMPANY, EKB, Salon.BRANCH_ARBAT), settings().branchIds());

        // customers pick their branch first (BranchPickerScenarioTest); the first branch has its button, as before
        assertEquals(List.of(link(FORM, 13700211, 0)), servicesAt(COMPANY));
        // and a customer cannot set a chain
        assertTrue(ask(CUSTOMER, "/setchain " + CHAIN).text().contains("только для администраторов"));
    }

    @Test
    void addAndRemoveBranchesCheckedWithYclients() {
        setUpCompany();

        assertTrue(ask(ADMIN, "/addbranch").text().startsWith("Использование: /addbranch"));
        assertTrue(ask(ADMIN, "/addbranch 12 13").text().startsWith("Использование: /addbranch"));
        String unknown = ask(ADMIN, "/addbranch 404404").text();
        assertTrue(unknown.contains("нет филиала 404404") && unknown.contains("Ничего не сохранено"), unknown);
        assertEquals(List.of(COMPANY), settings().branchIds());
        assertTrue(ask(ADMIN, "/addbranch " + COMPANY).text().contains("уже есть"));

        String added = ask(ADMIN, "/addbranch " + EKB).text();
        assertTrue(added.contains("Филиалы бота: 502817, 611205"), added);
        assertEquals(List.of(COMPANY, EKB), settings().branchIds());

        assertTrue(ask(ADMIN, "/delbranch abc").text().startsWith("Использование: /delbranch"));
        assertTrue(ask(ADMIN, "/delbranch 42").text().contains("Филиала 42 нет в боте"));
        assertTrue(ask(ADMIN, "/delbranch " + COMPANY).text().contains("Филиалы бота: 611205"));
        assertEquals(List.of(EKB), settings().branchIds());
        assertEquals(OptionalLong.of(EKB), settings().companyId(), "the remaining branch is the first");
        assertTrue(ask(ADMIN, "/delbranch " + EKB).text().contains("единственный"));
        assertEquals(List.of(EKB), settings().branchIds());
        assertTrue(ask(CUSTOMER, "/addbranch " + COMPANY).text().contains("только для администраторов"));
    }

    @Test
    void buttonsBelongToABranchAndSeveralBranchesNameTheBranch() {
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));

        // with two branches, a service command without branch= asks which (BranchAskScenarioTest); an unknown one names them
        String which = ask(ADMIN, "/setservice 13700215 branch=42").text();
        assertTrue(which.contains("branch=502817 «Студия «Лён»»") && which.contains("branch=611205"), which);
        assertTrue(ask(ADMIN, "/yservices branch=x").text().contains("укажите филиал"));
        assertTrue(ask(ADMIN, "/delservice 13700211 branch=1 branch=2").text().contains("укажите филиал"));
        assertTrue(ask(ADMIN, "/setservice 13700215").text().contains("Для какого филиала"));
        assertEquals(1, mappings().all().size(), "nothing saved");

        // a button of the Yekaterinburg branch, checked against its catalog
        assertTrue(ask(ADMIN, "/setservice 13700215 branch=" + EKB).text().contains("Мужская стрижка"));
        assertEquals(1, mappings().count(COMPANY));
        assertEquals(1, mappings().count(EKB));
        // the same service in both branches is two buttons
        assertTrue(ask(ADMIN, "/setservice 13700211 branch=" + EKB).text().contains("Женская стрижка"));
        assertEquals(2, mappings().count(EKB));

        // a customer of the first branch sees only its button; of Yekaterinburg, that branch's two, in its own form
        assertEquals(List.of(link(FORM, 13700211, 0)), servicesAt(COMPANY));
        List<String> ekb = servicesAt(EKB);
        assertEquals(2, ekb.size(), ekb.toString());
        assertTrue(ekb.stream().allMatch(u -> u.startsWith("https://n611301.yclients.com/company/" + EKB + "/")), ekb.toString());

        // /yservices per branch: ✅ for the branch's own buttons, and its ➕ buttons carry the branch
        Outgoing list = ask(ADMIN, "/yservices branch=" + EKB);
        assertTrue(list.callbackData().contains("ysm:13700342:" + EKB), list.callbackData().toString());
        Turn tap = press(ADMIN, list.messageId(), "ysm:13700342:" + EKB);
        assertTrue(tap.messages().get(tap.messages().size() - 1).text().contains("Маникюр"), tap.messages().toString());
        assertEquals(3, mappings().count(EKB));
        assertEquals(1, mappings().count(COMPANY));
        // a button naming a branch the bot no longer serves is stale
        assertTrue(press(ADMIN, list.messageId(), "ysm:13700342:42").answer().text().contains("устарел"));

        // /delservice removes the branch's button only
        assertTrue(ask(ADMIN, "/delservice 13700211 branch=" + EKB).text().contains("13700211"));
        assertEquals(2, mappings().count(EKB));
        assertEquals(1, mappings().count(COMPANY));

        // /delbranch keeps the branch's buttons for its return
        assertTrue(ask(ADMIN, "/delbranch " + EKB).text().contains("кнопки услуг (2) сохранены"));
        assertEquals(2, mappings().count(EKB));
        assertEquals(List.of(link(FORM, 13700211, 0)), ask(CUSTOMER, "/services").buttonUrls());
    }

    @Test
    void exportAndImportCarryTheBranchesAndAnOldFileStillImports() throws Exception {
        // GIVEN two branches, the same service a button in each, and one more in the second
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));
        assertTrue(ask(ADMIN, "/setservice 13700211 branch=" + EKB + " Стрижка на Ленина").text().contains("Стрижка на Ленина"));
        assertTrue(ask(ADMIN, "/setservice 13700215 branch=" + EKB).text().contains("Мужская стрижка"));

        // WHEN exported
        byte[] exported = say(ADMIN, "/export").document().file();
        String json = new String(exported, java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(2, root.path("version").asInt());
        assertEquals("502817,611205", root.path("settings").path("yclients.company.ids").asText());
        assertEquals(List.of(COMPANY, EKB, EKB), java.util.stream.StreamSupport
                .stream(root.path("service_buttons").spliterator(), false).map(b -> b.path("company_id").asLong()).toList());

        // AND imported into a fresh bot
        botWith(Map.of());
        Turn imported = bot.document(ADMIN, "export.json", exported, "/import");
        assertTrue(imported.message().text().startsWith("✅ Загружено"), imported.message().text());

        // THEN the branches and each branch's buttons are back
        assertEquals(List.of(COMPANY, EKB), settings().branchIds());
        assertEquals(1, mappings().count(COMPANY));
        assertEquals(2, mappings().count(EKB));
        assertEquals("Стрижка на Ленина", mappings().find(EKB, 13700211, 0).orElseThrow().title());
        assertEquals(List.of(link(FORM, 13700211, 0)), servicesAt(COMPANY));

        // WHEN a file from before branches (format 1, no company_id) is imported: its buttons are the first branch's
        String old = json.replace("\"version\" : 2", "\"version\" : 1")
                .replace(",\n    \"yclients.company.ids\" : \"502817,611205\"", "")
                .replace("\"service_id\" : 13700211,\n    \"staff_id\" : 0,\n    \"title\" : \"Стрижка на Ленина\"",
                        "\"service_id\" : 13700342,\n    \"staff_id\" : 0,\n    \"title\" : \"Маникюр\"");
        assertTrue(old.contains("Маникюр") && !old.contains("company.ids"), old);
        Turn oldImport = bot.document(ADMIN, "old.json", old.getBytes(java.nio.charset.StandardCharsets.UTF_8), "/import");
        assertTrue(oldImport.message().text().startsWith("✅ Загружено"), oldImport.message().text());
        assertEquals(List.of(COMPANY), settings().branchIds());
        assertEquals(3, mappings().count(COMPANY));
        assertEquals(3, ask(CUSTOMER, "/services").buttonUrls().size());
    }

    @Test
    void eachBranchsButtonsAreRefreshedFromItsOwnCatalog() {
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));
        assertTrue(ask(ADMIN, "/setservice 13700211 branch=" + EKB).text().contains("Женская стрижка"));

        // WHEN the Yekaterinburg branch renames the service and changes its price in YCLIENTS
        yclients.on("GET", "/api/v1/book_services/" + EKB).respond(200, "{\"success\":true,\"data\":{\"events\":[],"
                + "\"services\":[{\"id\":13700211,\"title\":\"Стрижка (Екб)\",\"price_min\":2000,\"price_max\":2000,"
                + "\"active\":1}],\"category\":[]},\"meta\":[]}");
        bot.core().yclients().invalidate();
        new io.github.yclientsbot.booking.CatalogRefresher(bot.core().yclients(), mappings()).run();

        // THEN that branch's button follows; the first branch's keeps its own catalog's title and price
        var ekb = mappings().find(EKB, 13700211, 0).orElseThrow();
        assertEquals("Стрижка (Екб)", ekb.title());
        assertEquals(0, new java.math.BigDecimal("2000").compareTo(ekb.priceMin()));
        var first = mappings().find(COMPANY, 13700211, 0).orElseThrow();
        assertEquals("Женская стрижка", first.title());
        assertEquals(0, new java.math.BigDecimal("2500").compareTo(first.priceMin()));
    }

    @Test
    void statusHasOneLinePerBranchAndTheSharedBudget() {
        setUpCompany();
        mapHaircut();
        assertTrue(ask(ADMIN, "/addbranch " + EKB).text().contains("добавлен"));

        String status = ask(SUPPORT, "/status").text();
        assertTrue(status.contains("Филиалов: 2 (списком, источник: чат)") || status.contains("Филиалов: 2 (списком"), status);
        assertTrue(status.contains("• 502817 «Студия «Лён»»: форма " + FORM + "; проверка: ✅"), status);
        assertTrue(status.contains("• 611205 «Студия «Лён» Екатеринбург»: форма https://n611301.yclients.com; проверка: ✅"), status);
        assertTrue(status.contains("кнопок: 1") && status.contains("кнопок: 0"), status);
        assertTrue(status.contains("Лимит YCLIENTS общий для всех филиалов"), status);
    }
}
