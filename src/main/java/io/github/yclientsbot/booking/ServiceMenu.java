package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.Branches;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.storage.ServiceMapping;
import io.github.yclientsbot.storage.ServiceMappings;
import io.github.yclientsbot.yclients.BookingLinkBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The list customers see: one booking link per mapped service. Built from what is stored, so it
 * answers at once and keeps working while YCLIENTS is down (the links do not need the API).
 */
public final class ServiceMenu {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ServiceMenu.class);
    public static final int PAGE_SIZE = 10;
    private static final int BUTTON_TEXT_MAX = 64;

    private final Settings settings;
    private final ServiceMappings mappings;
    private final BookingLinkBuilder links;
    private final PriceFormat prices;
    /** The bot's branches (their forms and titles); null: one company only. */
    private final Branches branches;
    /** The branch this menu lists; 0: the bot's first branch. */
    private final long branch;

    public ServiceMenu(Settings settings, ServiceMappings mappings, BookingLinkBuilder links, PriceFormat prices) {
        this(settings, mappings, links, prices, null, 0);
    }

    public ServiceMenu(Settings settings, ServiceMappings mappings, BookingLinkBuilder links, PriceFormat prices,
                       Branches branches) {
        this(settings, mappings, links, prices, branches, 0);
    }

    private ServiceMenu(Settings settings, ServiceMappings mappings, BookingLinkBuilder links, PriceFormat prices,
                        Branches branches, long branch) {
        this.settings = settings;
        this.mappings = mappings;
        this.links = links;
        this.prices = prices;
        this.branches = branches;
        this.branch = branch;
    }

    /**
     * The menu of one branch of a chain: its buttons, and links into its own booking form (the form YCLIENTS lists
     * for that branch, else the bot's form with the branch's id in the link). 0: the first branch.
     */
    public ServiceMenu forBranch(long companyId) {
        return companyId == branch ? this : new ServiceMenu(settings, mappings, links, prices, branches, companyId);
    }

    /** The branches the bot serves, in order (the one company of a single-company bot; none before it is set). */
    public List<Long> branches() {
        return settings.branchIds();
    }

    /** The company listed: this menu's branch, else the first branch. */
    private OptionalLong company() {
        if (branch != 0 && settings.branchIds().contains(branch)) {
            return OptionalLong.of(branch);
        }
        return branch != 0 ? OptionalLong.empty() : settings.companyId();
    }

    /**
     * The booking form of the branch: the first branch's is the bot's ({@code yclients.booking.url} or the one found);
     * another branch's is the one YCLIENTS lists for it, else the bot's (its links name the branch's company).
     */
    private Optional<Settings.BookingForm> form() {
        OptionalLong company = company();
        Optional<Settings.BookingForm> bots = settings.bookingForm();
        if (company.isEmpty() || branches == null || company.equals(settings.companyId())) {
            return bots;
        }
        Optional<Settings.BookingForm> own = branches.find(company.getAsLong()).flatMap(Branches.Branch::form)
                .map(url -> new Settings.BookingForm(url, "YCLIENTS"));
        return own.or(() -> bots);
    }

    /** One service button: its text, the booking form link, and the mapping it stands for ({@code mappingId}). */
    public record Item(String text, String url, long mappingId) {}

    public enum Unavailable { DISABLED, NOT_CONFIGURED, NO_SERVICES }

    /** Either a page of items, or why there is none. {@code page} is 0-based and clamped. */
    public record Page(List<Item> items, int page, int pages, Optional<Unavailable> unavailable) {
        public boolean available() {
            return unavailable.isEmpty();
        }
    }

    /**
     * The branch this menu is for, as the summary names it — its title and address — when the bot has several
     * branches; empty for a bot of one company (and the first branch's own menu, 0).
     */
    public Optional<String> branchName() {
        if (branch == 0 || branches == null || settings.branchIds().size() < 2) {
            return Optional.empty();
        }
        return branches.find(branch).map(b -> {
            String title = b.title().orElse(Long.toString(b.id()));
            return b.address().filter(a -> !a.isBlank()).map(a -> title + " — " + a.strip()).orElse(title);
        });
    }

    public Optional<String> businessName() {
        if (branch != 0 && branches != null && !OptionalLong.of(branch).equals(settings.companyId())) {
            return branches.find(branch).flatMap(Branches.Branch::title);
        }
        return settings.companyTitle();
    }

    public Page page(int requested) {
        if (!settings.enabled()) {
            return unavailable(Unavailable.DISABLED);
        }
        OptionalLong company = company();
        Optional<Settings.BookingForm> form = form();
        if (company.isEmpty() || form.isEmpty()) {
            return unavailable(Unavailable.NOT_CONFIGURED);
        }
        List<ServiceMapping> all = mappings.forCompany(company.getAsLong());
        if (all.isEmpty()) {
            return unavailable(Unavailable.NO_SERVICES);
        }
        int pages = (all.size() + PAGE_SIZE - 1) / PAGE_SIZE;
        int page = Math.max(0, Math.min(requested, pages - 1));
        List<Item> items = new ArrayList<>();
        for (ServiceMapping m : all.subList(page * PAGE_SIZE, Math.min(all.size(), (page + 1) * PAGE_SIZE))) {
            try {
                items.add(new Item(buttonText(m), links.link(form.get().url(), company.getAsLong(), m.serviceId(), m.staffId()), m.id()));
            } catch (IllegalArgumentException e) {
                // one bad button must not take the whole list down
                log.warn("No booking link for service {} (staff {}): {}", m.serviceId(), m.staffId(), e.getMessage());
            }
        }
        return new Page(items, page, pages, Optional.empty());
    }

    /** Why customers get no service buttons now (what /services tells them), empty when they get them. */
    public Optional<Unavailable> unavailable() {
        Optional<Unavailable> links = linksUnavailable();
        if (links.isPresent()) {
            return links;
        }
        return mappings.count(company().getAsLong()) == 0 ? Optional.of(Unavailable.NO_SERVICES) : Optional.empty();
    }

    /** A booking link for one mapped service, as its button in the bot has it. */
    public record ServiceLink(long serviceId, long staffId, String title, String url) {}

    /** Why no booking link can be built now (disabled, no company or booking form); empty when links work. */
    public Optional<Unavailable> linksUnavailable() {
        if (!settings.enabled()) {
            return Optional.of(Unavailable.DISABLED);
        }
        if (company().isEmpty() || form().isEmpty()) {
            return Optional.of(Unavailable.NOT_CONFIGURED);
        }
        return Optional.empty();
    }

    /**
     * The link for a service that has a button, the same one the button opens; with {@code staffId > 0} for
     * that specialist. Without one, a service mapped only for one specialist links to that specialist, as its
     * button does. Empty when the service has no button or links are unavailable ({@link #linksUnavailable()}).
     */
    public Optional<ServiceLink> link(long serviceId, long staffId) {
        if (linksUnavailable().isPresent()) {
            return Optional.empty();
        }
        long company = company().getAsLong();
        List<ServiceMapping> mapped = mappings.findByService(company, serviceId);
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        ServiceMapping chosen = mapped.stream().filter(m -> m.staffId() == Math.max(0, staffId)).findFirst()
                .or(() -> mapped.stream().filter(m -> m.staffId() == ServiceMapping.NO_STAFF).findFirst())
                .orElse(mapped.get(0));
        long staff = staffId > 0 ? staffId : chosen.staffId();
        String url = links.link(form().get().url(), company, serviceId, staff);
        return Optional.of(new ServiceLink(serviceId, staff, chosen.title(), url));
    }

    private String buttonText(ServiceMapping m) {
        String price = prices.format(m.priceMin(), m.priceMax()).map(p -> " · " + p).orElse("");
        String title = m.title();
        int room = BUTTON_TEXT_MAX - price.length();
        if (title.length() > room) {
            title = title.substring(0, Math.max(1, room - 1)) + "…";
        }
        return title + price;
    }

    private static Page unavailable(Unavailable why) {
        return new Page(List.of(), 0, 0, Optional.of(why));
    }
}
