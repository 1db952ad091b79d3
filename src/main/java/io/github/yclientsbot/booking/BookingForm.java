package io.github.yclientsbot.booking;

import java.util.Optional;

/**
 * The salon's online booking form as the way out of the chat: the link for the service being booked (the same one
 * its button opens), the general link, and whether the form is offered next to every step (booking mode "both").
 */
public final class BookingForm {
    private final ServiceMenu menu;
    private final BookingService booking;

    public BookingForm(ServiceMenu menu, BookingService booking) {
        this.menu = menu;
        this.booking = booking;
    }

    /** The form for the draft's service and specialist; empty when there is none (or it cannot be built now). */
    public Optional<String> link(BookingDraft d) {
        try {
            return (d.company() == 0 ? menu : menu.forBranch(d.company())).link(d.serviceId(), d.staffId()).map(ServiceMenu.ServiceLink::url);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The branch of a chain the draft books (title and address); empty with one branch. */
    public Optional<String> branch(BookingDraft d) {
        try {
            return d.company() == 0 ? Optional.empty() : menu.forBranch(d.company()).branchName();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The booking form's address, when one is configured or known. */
    public Optional<String> general() {
        return booking.formUrl();
    }

    /** In mode "both" the form is offered at every step, next to Back and Cancel. */
    public boolean alongside() {
        return booking.mode() == BookingService.Mode.BOTH;
    }
}
