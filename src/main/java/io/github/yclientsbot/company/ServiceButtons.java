package io.github.yclientsbot.company;

import io.github.yclientsbot.storage.ServiceMappings;

import java.util.List;
import java.util.Optional;

/** The customer buttons, read: what the in-chat booking offers (the stored rows stay in storage). */
public final class ServiceButtons {
    private final ServiceMappings mappings;

    public ServiceButtons(ServiceMappings mappings) {
        this.mappings = mappings;
    }

    /** All buttons, in the order customers see them. */
    public List<ServiceButton> all() {
        return mappings.all().stream().map(ServiceButton::of).toList();
    }

    /** The button with this id, if it is still there. */
    public Optional<ServiceButton> find(long id) {
        return mappings.all().stream().filter(m -> m.id() == id).findFirst().map(ServiceButton::of);
    }
}
