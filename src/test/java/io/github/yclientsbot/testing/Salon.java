package io.github.yclientsbot.testing;

import io.github.yclientsbot.yclients.FakeYclientsServer;

/**
 * The salon every chat scenario and end-to-end test is set in: company 502817 «Студия «Лён»» on the fake YCLIENTS
 * (the fixture shapes under {@code src/test/resources/yclients/}), its booking form, and the people who write to
 * the bot.
 */
public final class Salon {
    public static final String PARTNER = "partnerTOKEN-e2e-0123456789abcdef";
    public static final String USER_TOKEN = "userTOKEN-e2e-fedcba9876543210";
    public static final long COMPANY = 502817;
    public static final String COMPANY_TITLE = "Студия «Лён»";
    public static final String FORM = "https://n611204.yclients.com";
    public static final long ADMIN = 1001;
    public static final long SUPPORT = 2002;
    public static final long CUSTOMER = 3003;
    public static final long GROUP = -100_777;
    /** Анна Соколова, a specialist who takes online bookings. */
    public static final String ANNA = "2290341";
    public static final String BOOK_CHECK = "/api/v1/book_check/" + COMPANY;
    public static final String BOOK_RECORD = "/api/v1/book_record/" + COMPANY;
    /** The record of {@code record.json} (Ольга, +79990001122, 1 December 2026 11:30), as the staff side reads it. */
    public static final String RECORD = "/api/v1/record/" + COMPANY + "/784512093";

    private Salon() {
    }

    /** The company, its catalog, specialists and booking form, as YCLIENTS answers for them; 404 for company 404404. */
    public static void serveCompany(FakeYclientsServer yclients) {
        yclients.on("GET", "/api/v1/company/" + COMPANY).respondWithFixture(200, "company.json");
        yclients.on("GET", "/api/v1/company/404404").respondWithFixture(404, "error-404-company.json");
        yclients.on("GET", "/api/v1/book_services/" + COMPANY).respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/" + COMPANY).respondWithFixture(200, "book_staff.json");
        yclients.on("GET", "/api/v1/company/" + COMPANY + "/services").respondWithFixture(200, "company_services.json");
        yclients.on("GET", "/api/v1/bookform/611204").respondWithFixture(200, "bookform.json");
    }

    /** A second branch of the salon, in Yekaterinburg (another time zone). */
    public static final long BRANCH_EKB = 611205;
    /** A third branch, in Moscow, without coordinates nor a booking form: YCLIENTS lists it only in the chain. */
    public static final long BRANCH_ARBAT = 611206;
    /** The chain of the three branches. */
    public static final long CHAIN = 9206;

    /**
     * The salon as a chain: chain 9206 ({@code GET /groups}, user token; {@code GET /companies?group_id=9206}) of 502817,
     * 611205 (Yekaterinburg, with its own form and the same service catalog) and 611206; chain 9207 is another the user
     * sees. Call after {@link #serveCompany}.
     */
    public static void serveBranches(FakeYclientsServer yclients) {
        yclients.on("GET", "/api/v1/company/" + BRANCH_EKB).respondWithFixture(200, "company-611205.json");
        yclients.on("GET", "/api/v1/book_services/" + BRANCH_EKB).respondWithFixture(200, "book_services.json");
        yclients.on("GET", "/api/v1/book_staff/" + BRANCH_EKB).respondWithFixture(200, "book_staff.json");
        yclients.on("GET", "/api/v1/groups").respondWithFixture(200, "groups.json");
        yclients.on("GET", "/api/v1/companies").respondWithFixture(200, "companies-group-empty.json");
        yclients.on("GET", "/api/v1/companies").withQueryParam("group_id", Long.toString(CHAIN))
                .respondWithFixture(200, "companies-group.json");
    }

    /** Free days and times on 1 December 2026 (Анна or anyone), and a slot check and a booking that succeed. */
    public static void serveBooking(FakeYclientsServer yclients) {
        yclients.on("GET", "/api/v1/book_dates/" + COMPANY).respondWithFixture(200, "book_dates.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/" + ANNA + "/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("GET", "/api/v1/book_times/" + COMPANY + "/0/2026-12-01").respondWithFixture(200, "book_times.json");
        yclients.on("POST", BOOK_CHECK).respondWithFixture(201, "book_check-ok.json");
        yclients.on("POST", BOOK_RECORD).respondWithFixture(201, "book_record.json");
    }

    /** Record 784512093 as the staff side reads it (waiting), written back, and the records list, with the user token. */
    public static void serveRecords(FakeYclientsServer yclients) {
        yclients.on("GET", RECORD).respondWithFixture(200, "record.json");
        yclients.on("PUT", RECORD).respondWithFixture(200, "record-put.json");
        yclients.on("GET", "/api/v1/records/" + COMPANY).respondWithFixture(200, "records.json");
    }

    /** The booking-form deep link of a service (with a specialist, or any when {@code staffId} is 0). */
    public static String link(String form, long serviceId, long staffId) {
        return form + "/company/" + COMPANY + "/personal/select-time?o=m" + (staffId > 0 ? staffId : -1) + "s" + serviceId;
    }
}
