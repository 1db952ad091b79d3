package io.github.yclientsbot.yclients;

import java.util.List;

/**
 * A chain (YCLIENTS "сеть", {@code GET /groups}): its id, title and branches. {@code title} is never null.
 */
public record Chain(long id, String title, List<Member> companies) {

  public Chain {
    companies = companies == null ? List.of() : List.copyOf(companies);
  }

  /** One branch of the chain as {@code /groups} lists it. */
  public record Member(long id, String title) {}
}
