package io.github.yclientsbot.yclients;

/** What {@code book_record} answers per appointment: the record and its hash (the customer's proof). */
public record BookedRecord(long recordId, String recordHash) {

  @Override
  public String toString() {
    return "BookedRecord[" + recordId + "]";
  }
}
