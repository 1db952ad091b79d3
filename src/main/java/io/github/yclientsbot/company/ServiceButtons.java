package io.github.yclientsbot.company;

import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.storage.ServiceMappings;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The customer buttons, read: what the in-chat booking offers (the stored rows stay in storage). */
public final class ServiceButtons {
    private final ServiceMappings mappings;
    private final Settings settings;
    /** The branch whose buttons these are; 0: the bot's first branch. */
    private final long company;

    /** Every stored button (tests of a bot without branches). */
    public ServiceButtons(ServiceMappings mappings) {
        this(mappings, null, 0);
    }

    /** The buttons of the bot's first branch (with one branch: all of them); {@link #forCompany} for another's. */
    public ServiceButtons(ServiceMappings mappings, Settings settings) {
        this(mappings, settings, 0);
    }

    private ServiceButtons(ServiceMappings mappings, Settings settings, long company) {
        this.mappings = mappings;
        this.settings = settings;
        this.company = company;
    }

    /** The buttons of branch {@code companyId} (0: the first branch). */
    public ServiceButtons forCompany(long companyId) {
        return companyId == company ? this : new ServiceButtons(mappings, settings, companyId);
    }

    private List<ServiceMapping> rows() {
        if (company != 0) {
            return mappings.forCompany(company);
        }
        if (settings == null) {
            return mappings.all();
        }
        OptionalLong first = settings.companyId();
        return first.isPresent() ? mappings.forCompany(first.getAsLong()) : mappings.all();
    }

    /**
     * The branch a button belongs to, among the branches the bot serves now (a service button of the in-chat booking
     * names its button, so the button says which branch is booked); empty when it is gone or of no branch served.
     */
    public OptionalLong companyOf(long id) {
        if (settings == null) {
            return OptionalLong.empty();
        }
        List<Long> served = settings.branchIds();
        return mappings.all().stream().filter(m -> m.id() == id && served.contains(m.companyId()))
                .mapToLong(ServiceMapping::companyId).findFirst();
    }

    /**
     * Who owns the buttons: those of no branch yet (from before branches, an old export, or added before any company
     * was set) go to the first branch; with one company (yclients.company.id alone) every button is that company's,
     * as before branches. Run at start and after the branches, the company or the buttons changed wholesale.
     */
    public static void settle(Settings settings, ServiceMappings mappings) {
        OptionalLong first = settings.companyId();
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
