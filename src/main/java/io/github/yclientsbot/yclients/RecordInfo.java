package io.github.yclientsbot.yclients;

import java.util.List;

/**
 * A booking read back with {@code GET /book_record/{company_id}/{record_id}/{record_hash}}: when it starts
 * ({@code datetime} as YCLIENTS sent it), how long it lasts (seconds, 0 when unknown), the service titles, the
 * specialist's name (null when unknown) and whether YCLIENTS marks it deleted; the ids of its services and its
 * specialist (0 when unknown), for offering another time of the same; its attendance when the answer carries it
 * ({@code attendance}, else {@code visit_attendance}: 2 confirmed, 1 came, 0 waiting or not said, -1 did not come).
 */
public record RecordInfo(long recordId, String datetime, long lengthSeconds, List<String> services, String staffName,
                         boolean deleted, List<Long> serviceIds, long staffId, int attendance) {

  public RecordInfo {
    services = services == null ? List.of() : List.copyOf(services);
    serviceIds = serviceIds == null ? List.of() : List.copyOf(serviceIds);
  }

  /** A booking read back without its attendance. */
  public RecordInfo(long recordId, String datetime, long lengthSeconds, List<String> services, String staffName,
      boolean deleted, List<Long> serviceIds, long staffId) {
    this(recordId, datetime, lengthSeconds, services, staffName, deleted, serviceIds, staffId, 0);
  }

  /** The salon marked the visit "did not come" (-1). */
  public boolean noShow() {
    return attendance == -1;
  }

  /** A booking read back without the ids of its service and specialist. */
  public RecordInfo(long recordId, String datetime, long lengthSeconds, List<String> services, String staffName,
      boolean deleted) {
    this(recordId, datetime, lengthSeconds, services, staffName, deleted, List.of(), 0, 0);
  }
}
