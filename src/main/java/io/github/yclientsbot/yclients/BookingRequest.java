package io.github.yclientsbot.yclients;

import java.util.List;

/** A {@code book_record} body: the customer's phone (digits, country code), name, optional SMS code. */
public record BookingRequest(String phone, String fullname, String code, String comment, List<Appointment> appointments) {

  public BookingRequest {
    appointments = List.copyOf(appointments);
  }

  /** Never prints the phone. */
  @Override
  public String toString() {
    return "BookingRequest[" + appointments.size() + " appointment(s)]";
  }
}
