package io.github.yclientsbot.yclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BookingLinkBuilderTest {

  private final BookingLinkBuilder builder = new BookingLinkBuilder(BookingLinkBuilder.DEFAULT_TEMPLATE);

  @Test
  void defaultTemplateWithStaff() {
    assertEquals("https://n611204.yclients.com/company/502817/personal/select-time?o=m2290341s13700211",
        builder.link("https://n611204.yclients.com/", 502817, 13700211, 2290341));
  }

  @Test
  void defaultTemplateWithoutStaffMeansAnySpecialist() {
    assertEquals("https://n611204.yclients.com/company/502817/personal/select-time?o=m-1s13700211",
        builder.link("https://n611204.yclients.com/", 502817, 13700211, 0));
    assertEquals("https://n611204.yclients.com/company/502817/personal/select-time?o=m-1s13700211",
        builder.link("https://n611204.yclients.com/", 502817, 13700211, -5));
  }

  @Test
  void formUrlWithOrWithoutTrailingSlashOrPathGivesTheSameLink() {
    String expected = builder.link("https://n611204.yclients.com/", 502817, 13700211, 2290341);

    assertEquals(expected, builder.link("https://n611204.yclients.com", 502817, 13700211, 2290341));
    assertEquals(expected, builder.link("  https://N611204.yclients.com/company/1/personal/menu?o=  ", 502817,
        13700211, 2290341));
  }

  @Test
  void customTemplateWithoutStaffOrCompany() {
    BookingLinkBuilder services = new BookingLinkBuilder("{form}/company/{company}/personal/select-services?o=s{service}");
    assertEquals("https://b611204.yclients.com/company/502817/personal/select-services?o=s13700211",
        services.link("https://b611204.yclients.com/", 502817, 13700211, 2290341));
  }

  @Test
  void templateMustNameFormAndService() {
    IllegalArgumentException noForm = assertThrows(IllegalArgumentException.class,
        () -> new BookingLinkBuilder("https://n1.yclients.com/company/{company}?o=s{service}"));
    assertTrue(noForm.getMessage().contains("{form}"), noForm.getMessage());

    IllegalArgumentException noService = assertThrows(IllegalArgumentException.class,
        () -> new BookingLinkBuilder("{form}/company/{company}/personal/menu?o="));
    assertTrue(noService.getMessage().contains("{service}"), noService.getMessage());

    assertThrows(IllegalArgumentException.class, () -> new BookingLinkBuilder(" "));
    assertThrows(IllegalArgumentException.class, () -> new BookingLinkBuilder(null));
  }

  @Test
  void templateRejectsUnknownPlaceholders() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BookingLinkBuilder("{form}/company/{company_id}/personal/select-time?o=m{staff}s{service}"));
    assertTrue(e.getMessage().contains("{company_id}"), e.getMessage());
  }

  @Test
  void linkRejectsBadFormUrlsAndIds() {
    assertThrows(IllegalArgumentException.class, () -> builder.link("n611204.yclients.com", 1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> builder.link("ftp://n611204.yclients.com/", 1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> builder.link(null, 1, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> builder.link("https://yclients.com/timetable/502817", 502817, 2, 3));
    assertThrows(IllegalArgumentException.class, () -> builder.link("https://n611204.yclients.com/", 502817, 0, 3));
    assertThrows(IllegalArgumentException.class, () -> builder.link("https://n611204.yclients.com/", 0, 2, 3));
  }

  @Test
  void templateThatDoesNotGiveAnAbsoluteUrlIsRejectedAtLinkTime() {
    BookingLinkBuilder odd = new BookingLinkBuilder("book at {form} service {service}");
    assertThrows(IllegalArgumentException.class, () -> odd.link("https://n611204.yclients.com/", 1, 2, 3));
  }

  @Test
  void normalizeFormUrlKeepsTheOrigin() {
    assertEquals(Optional.of("https://n611204.yclients.com"),
        BookingLinkBuilder.normalizeFormUrl("https://n611204.yclients.com/company/1/personal/menu?o=x"));
    assertEquals(Optional.of("https://n611204.yclients.com"),
        BookingLinkBuilder.normalizeFormUrl("https://n611204.yclients.com/"));
    assertEquals(Optional.of("http://127.0.0.1:8080"), BookingLinkBuilder.normalizeFormUrl("http://127.0.0.1:8080/x"));
    assertEquals(Optional.of("https://n611204.yclients.com"),
        BookingLinkBuilder.normalizeFormUrl("https://n611204.yclients.com:443/"));
  }

  @Test
  void normalizeFormUrlRejectsWhatIsNotAnAbsoluteHttpUrl() {
    assertEquals(Optional.empty(), BookingLinkBuilder.normalizeFormUrl("n611204.yclients.com"));
    assertEquals(Optional.empty(), BookingLinkBuilder.normalizeFormUrl("/company/1"));
    assertEquals(Optional.empty(), BookingLinkBuilder.normalizeFormUrl("mailto:a@b.c"));
    assertEquals(Optional.empty(), BookingLinkBuilder.normalizeFormUrl("javascript:alert(1)"));
    assertEquals(Optional.empty(), BookingLinkBuilder.normalizeFormUrl(""));
    assertEquals(Optional.empty(), BookingLinkBuilder.normalizeFormUrl(null));
  }

  @Test
  void recognizesTheStaffJournal() {
    assertTrue(BookingLinkBuilder.isStaffJournal("https://yclients.com/timetable/502817"));
    assertTrue(BookingLinkBuilder.isStaffJournal("https://www.yclients.com/timetable/502817#main"));
    assertTrue(BookingLinkBuilder.isStaffJournal("yclients.com/timetable/502817"));
    assertFalse(BookingLinkBuilder.isStaffJournal("https://n611204.yclients.com/"));
    assertFalse(BookingLinkBuilder.isStaffJournal("https://example.com/timetable/1"));
    assertFalse(BookingLinkBuilder.isStaffJournal(null));
  }

  @Test
  void readsTheFormIdFromTheHost() {
    assertEquals(OptionalLong.of(611204), BookingLinkBuilder.formIdFromUrl("https://n611204.yclients.com/"));
    assertEquals(OptionalLong.of(611204), BookingLinkBuilder.formIdFromUrl("https://b611204.yclients.com/company/1"));
    assertEquals(OptionalLong.of(611204), BookingLinkBuilder.formIdFromUrl("W611204.yclients.com"));
    assertEquals(OptionalLong.empty(), BookingLinkBuilder.formIdFromUrl("https://yclients.com/timetable/502817"));
    assertEquals(OptionalLong.empty(), BookingLinkBuilder.formIdFromUrl("https://n611204.example.com/"));
    assertEquals(OptionalLong.empty(), BookingLinkBuilder.formIdFromUrl("https://x611204.yclients.com/"));
    assertEquals(OptionalLong.empty(), BookingLinkBuilder.formIdFromUrl(null));
  }
}
