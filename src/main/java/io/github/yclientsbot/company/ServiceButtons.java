package io.github.yclientsbot.company;

import io.github.yclientsbot.storage.ServiceMappings;

import java.util.List;
import java.util.Optional;

/** The customer buttons, read: what the in-chat booking offers (the stored rows stay in storage). */
public final class ServiceButtons {
    private final ServiceMappings mappings;
    private final Settings settings;

    /** Every stored button (tests of a bot without branches). */
    public ServiceButtons(ServiceMappings mappings) {
        this(mappings, null);
    }

    /** The buttons of the bot's first branch — the one customers book until they pick theirs. */
    public ServiceButtons(ServiceMappings mappings, Settings settings) {
        this.mappings = mappings;
        this.settings = settings;
    }

    private List<io.github.yclientsbot.storage.ServiceMapping> rows() {
        if (settings == null) {
            return mappings.all();
        }
        java.util.OptionalLong first = settings.companyId();
        return first.isPresent() ? mappings.forCompany(first.getAsLong()) : mappings.all();
    }

    /**
     * Who owns the buttons: those of no branch yet (from before branches, an old export, or added before any company
     * was set) go to the first branch; with one company (yclients.company.id alone) every button is that company's,
     * as before branches. Run at start and after the branches, the company or the buttons changed wholesale.
     */
    public static void settle(Settings settings, ServiceMappings mappings) {
        java.util.OptionalLong first = settings.companyId();
        if (first.isEmpty()) {
            return;
        }
        if (settings.branchSelection().mode() == Settings.BranchMode.SINGLE) {
            mappings.moveAllTo(first.getAsLong());
        } else {
            mappings.adoptUnassigned(first.getAsLong());
        }
    }

    /** All buttons, in the order customers see them. */
    public List<ServiceButton> all() {
        return rows().stream().map(ServiceButton::of).toList();
    }

    /** The button with this id, if it is still there. */
    public Optional<ServiceButton> find(long id) {
        return rows().stream().filter(m -> m.id() == id).findFirst().map(ServiceButton::of);
    }
}
