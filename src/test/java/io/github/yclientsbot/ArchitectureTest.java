package io.github.yclientsbot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package map of the README, enforced: arrows point one way (no package cycle), each layer uses only what
 * the architecture table says, and the seams that keep tests off the wall clock stay in place.
 */
class ArchitectureTest {
    private static final String BASE = "io.github.yclientsbot";
    private static JavaClasses classes;

    @BeforeAll
    static void importMain() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    }

    private static String pkg(String name) {
        return BASE + "." + name + "..";
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        check(slices().matching(BASE + ".(*)..").should().beFreeOfCycles());
    }

    @Test
    void theBottomLayersKnowNothingAbove() {
        check(noClasses().that().resideInAPackage(pkg("config")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("storage"), pkg("yclients"), pkg("company"), pkg("setup"), pkg("booking"),
                        pkg("chat"), pkg("telegram"), pkg("console"), pkg("http"), pkg("demo")));
        check(noClasses().that().resideInAPackage(pkg("storage")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("yclients"), pkg("company"), pkg("setup"), pkg("booking"), pkg("chat"),
                        pkg("telegram"), pkg("console"), pkg("http"), pkg("demo"), pkg("config")));
        check(noClasses().that().resideInAPackage(pkg("yclients")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("storage"), pkg("company"), pkg("setup"), pkg("booking"), pkg("chat"),
                        pkg("telegram"), pkg("console"), pkg("http"), pkg("demo"), pkg("config")));
    }

    @Test
    void companyIsSharedByCustomersAndAdminsAndKnowsNeither() {
        check(noClasses().that().resideInAPackage(pkg("company")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("setup"), pkg("booking"), pkg("chat"), pkg("telegram"), pkg("console"),
                        pkg("http"), pkg("demo")));
    }

    @Test
    void bookingUsesNeitherTheChatNorTheAdminPackage() {
        check(noClasses().that().resideInAPackage(pkg("booking")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("chat"), pkg("setup"), pkg("telegram"), pkg("console"), pkg("http"), pkg("demo")));
    }

    @Test
    void setupKnowsNoTransportAndNoChat() {
        check(noClasses().that().resideInAPackage(pkg("setup")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("chat"), pkg("telegram"), pkg("console"), pkg("http"), pkg("demo"), pkg("booking")));
    }

    @Test
    void chatKnowsNeitherStorageNorTelegram() {
        check(noClasses().that().resideInAPackage(pkg("chat")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("storage"), pkg("telegram"), pkg("console"), pkg("http"), pkg("demo"))
                .orShould().dependOnClassesThat().resideInAnyPackage("org.telegram..", "org.hibernate..", "jakarta.persistence.."));
    }

    @Test
    void telegramHandsUpdatesToItsOwnInterfaces() {
        check(noClasses().that().resideInAPackage(pkg("telegram")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("storage"), pkg("setup"), pkg("booking"), pkg("company"), pkg("console"),
                        pkg("http"), pkg("demo"))
                .orShould().dependOnClassesThat().haveFullyQualifiedName(BASE + ".chat.ChatBot"));
    }

    @Test
    void noPublicMutableStatics() {
        check(fields().that().areStatic().and().arePublic().should().beFinal());
    }

    @Test
    void onlyTheSleeperSleeps() {
        check(noClasses().that().doNotHaveFullyQualifiedName(BASE + ".ratelimit.Sleeper")
                .should().callMethod(Thread.class, "sleep", long.class)
                .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
                .because("waits go through an injected ratelimit.Sleeper, so tests do not wait on the wall clock"));
    }
}
