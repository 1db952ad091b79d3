package io.github.yclientsbot;

import io.github.yclientsbot.booking.ServiceMenu;
import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Readiness;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.setup.CompanySetup;
import io.github.yclientsbot.yclients.Company;
import io.github.yclientsbot.yclients.YclientsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start-up line about YCLIENTS: ready (company, booking form) or exactly what is missing or failing — and what
 * customers get right now, read from the same {@link ServiceMenu} that answers their /services and /book, so the
 * log, the customers and /status tell the same story.
 */
final class StartupCheck {
    private static final Logger log = LoggerFactory.getLogger(StartupCheck.class);

    private StartupCheck() {
    }

    /** @param retry how often the background job looks for the booking form again */
    static void log(Settings settings, YclientsDirectory yclients, CompanySetup company, ServiceMenu menu, Duration retry) {
        Readiness r = yclients.readiness();
        if (!r.enabled()) {
            log.warn("Online booking is switched off (yclients.enabled=false or /disable): customers are told it is unavailable");
        }
        if (!r.ready()) {
            List<String> missing = new ArrayList<>();
            for (Readiness.Missing m : r.missing()) {
                missing.add(switch (m) {
                    case PARTNER_TOKEN -> "partner token (YCLIENTS_API_TOKEN, or /settoken partner in chat)";
                    case PARTNER_TOKEN_UNREADABLE -> "partner token: the stored one cannot be decrypted with this secret key (enter it again with /settoken partner)";
                    case USER_TOKEN_UNREADABLE -> "user token: the stored one cannot be decrypted (enter it again with /settoken user or /yclogin)";
                    case COMPANY_ID -> "company id (YCLIENTS_COMPANY_ID, or /setcompany in chat)";
                });
            }
            log.warn("YCLIENTS is not ready, missing: {}. {}", String.join("; ", missing), customers(settings, menu, retry));
            return;
        }
        try {
            Company c = yclients.company();
            String form = company.discoverBookingForm().map(f -> f.url() + " (" + f.sourceLabel() + ")")
                    .orElse("none — set one with /setbookingurl");
            log.info("YCLIENTS ready: company {} «{}», booking form {}. {}", c.id(), c.displayTitle(), form,
                    customers(settings, menu, retry));
        } catch (YclientsException e) {
            log.warn("YCLIENTS is configured (company {}) but did not answer the start-up check: {}. {}",
                    settings.companyId().orElse(0), e.getMessage(), customers(settings, menu, retry));
        } catch (NotReadyException e) {
            log.warn("YCLIENTS is not ready: {}. {}", e.getMessage(), customers(settings, menu, retry));
        } catch (RuntimeException e) {
            log.warn("The YCLIENTS start-up check failed unexpectedly ({}). {}", e.toString(), customers(settings, menu, retry));
        }
    }

    /**
     * When the branches come from a chain ({@code yclients.group.id}): reads them from YCLIENTS, at start (logged) and
     * with the background jobs (logged when it fails). The branches known before stay when YCLIENTS does not answer.
     */
    static void readChain(Branches branches, boolean atStart) {
        if (branches.selection().mode() != Settings.BranchMode.CHAIN) {
            return;
        }
        try {
            branches.refreshChain();
            if (atStart) {
                log.info("Chain {}: the bot serves branches {}", branches.selection().groupId().orElse(0), branches.ids());
            }
        } catch (YclientsException | NotReadyException | RuntimeException e) {
            log.warn("The chain's branches could not be read from YCLIENTS: {}; the bot serves the branches known before: {}",
                    e.getMessage(), branches.ids());
        }
    }

    /** What a customer who writes now gets, as a sentence. */
    static String customers(Settings settings, ServiceMenu menu, Duration retry) {
        Optional<ServiceMenu.Unavailable> closed = menu.unavailable();
        if (closed.isEmpty()) {
            return "Customers get their service buttons (the booking links do not need YCLIENTS to answer).";
        }
        return switch (closed.get()) {
            case DISABLED -> "Customers are told online booking is not available (it is switched off: /enable).";
            case NOT_CONFIGURED -> settings.companyId().isEmpty()
                    ? "Customers are told online booking is not available until the company is set."
                    : "No booking form is known yet, so customers are told online booking is not available until it is"
                            + " found: the bot asks YCLIENTS again every " + retry.toSeconds() + " s (or set one with"
                            + " /setbookingurl or yclients.booking.url).";
            case NO_SERVICES -> "Customers are told no services are open for booking yet: add them with /yservices or /setservice.";
        };
    }
}
