package io.github.yclientsbot.company;

import java.util.List;
import java.util.Optional;

/**
 * The company's services: those open for online booking ({@code book_services}, partner token) plus,
 * when a user token is set, the ones hidden from online booking (admin catalog).
 *
 * @param includesHidden whether the admin catalog was read (a user token was set and worked)
 */
public record Catalog(List<CatalogEntry> services, boolean includesHidden) {
    public Catalog {
        services = List.copyOf(services);
    }

    public Optional<CatalogEntry> find(long serviceId) {
        return services.stream().filter(s -> s.id() == serviceId).findFirst();
    }
}
