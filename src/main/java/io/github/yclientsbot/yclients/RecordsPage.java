package io.github.yclientsbot.yclients;

import java.util.List;

/**
 * One page of {@code GET /records/{company_id}}: the records that could be read ({@code received} counts every item
 * YCLIENTS sent, unreadable ones included), for the page and count that were asked.
 */
public record RecordsPage(int page, int count, int received, List<RecordDetails> records) {

  public RecordsPage {
    records = records == null ? List.of() : List.copyOf(records);
  }

  /** A full page: the next one may hold more. */
  public boolean mayHaveMore() {
    return received >= count;
  }
}
