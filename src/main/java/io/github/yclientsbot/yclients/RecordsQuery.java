package io.github.yclientsbot.yclients;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The filters of {@code GET /records/{company_id}}: one page ({@code page} from 1, {@code count} records), and
 * optionally one specialist or client, the visit days ({@code start_date}…{@code end_date}), the last change
 * ({@code changed_after}…{@code changed_before}, with their offset) and cancelled records too ({@code with_deleted}).
 * Null means "not filtered". Build it with {@link #page} and the withers.
 */
public record RecordsQuery(int page, int count, Long staffId, Long clientId, LocalDate startDate, LocalDate endDate,
    OffsetDateTime changedAfter, OffsetDateTime changedBefore, boolean includeDeleted) {

  /** The most records one page may ask for. */
  public static final int MAX_COUNT = 1000;

  public RecordsQuery {
    if (page < 1) {
      throw new IllegalArgumentException("page starts at 1, got " + page);
    }
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be 1.." + MAX_COUNT + ", got " + count);
    }
  }

  /** Page {@code page} of {@code count} records, unfiltered. */
  public static RecordsQuery page(int page, int count) {
    return new RecordsQuery(page, count, null, null, null, null, null, null, false);
  }

  /** The same filters, another page. */
  public RecordsQuery withPage(int other) {
    return new RecordsQuery(other, count, staffId, clientId, startDate, endDate, changedAfter, changedBefore,
        includeDeleted);
  }

  /** Only the records of one specialist. */
  public RecordsQuery staff(long id) {
    return new RecordsQuery(page, count, id, clientId, startDate, endDate, changedAfter, changedBefore, includeDeleted);
  }

  /** Only the records of one client. */
  public RecordsQuery client(long id) {
    return new RecordsQuery(page, count, staffId, id, startDate, endDate, changedAfter, changedBefore, includeDeleted);
  }

  /** Only visits on these days (both included; either may be null). */
  public RecordsQuery visitDays(LocalDate from, LocalDate to) {
    return new RecordsQuery(page, count, staffId, clientId, from, to, changedAfter, changedBefore, includeDeleted);
  }

  /** Only records created or changed in this span (either end may be null). */
  public RecordsQuery changed(OffsetDateTime after, OffsetDateTime before) {
    return new RecordsQuery(page, count, staffId, clientId, startDate, endDate, after, before, includeDeleted);
  }

  /** Cancelled (deleted) records too. */
  public RecordsQuery includingDeleted() {
    return new RecordsQuery(page, count, staffId, clientId, startDate, endDate, changedAfter, changedBefore, true);
  }
}
