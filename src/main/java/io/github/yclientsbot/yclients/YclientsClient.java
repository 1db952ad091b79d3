package io.github.yclientsbot.yclients;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.FairScheduler;
import io.github.yclientsbot.ratelimit.RequestLimiter;
import io.github.yclientsbot.ratelimit.Shares;
import io.github.yclientsbot.ratelimit.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import okhttp3.OkHttpClient;

/**
 * The YCLIENTS REST API calls the bot makes, one object per API area over one HTTP core ({@code YclientsHttp}):
 * {@link #companies()} (company, booking form), {@link #catalog()} (the admin catalog: services and staff, with the
 * user token), {@link #booking()} (online booking, partner token only), {@link #records()} (the company's records,
 * with the user token) and {@link #auth()} (a user token from a login). Immutable and thread-safe; one instance serves every company, since the tokens come with each call.
 *
 * <p>Every failure is a {@link YclientsException}; tokens and passwords never appear in its message, nor in any log
 * line. Every call of every area shares one budget ({@link FairScheduler} over the rate limiter), one
 * {@link CallPolicy} and one {@link CallListener}.
 *
 * <p>Each client calls for one {@link Caller} and takes its share of the budget: {@link #forCaller} is the same client
 * for another one (the composition root binds the admin use cases to {@link Caller#ADMIN}, background jobs to
 * {@link Caller#BACKGROUND}; a customer's calls are bound per update). A client from {@link #builder} calls as
 * {@link Caller#BACKGROUND}: unattributed work is capped, so it can never crowd out customers.
 */
public final class YclientsClient {

  private final YclientsHttp http;
  private final RetryLoop retries;
  private final CompanyApi companies;
  private final CatalogApi catalog;
  private final OnlineBookingApi booking;
  private final RecordsApi records;
  private final AuthApi auth;

  private YclientsClient(YclientsHttp http) {
    this.http = http;
    this.retries = http.retries();
    this.companies = new CompanyApi(http);
    this.catalog = new CatalogApi(http);
    this.booking = new OnlineBookingApi(http);
    this.records = new RecordsApi(http);
    this.auth = new AuthApi(http);
  }

  /**
   * A client of the API at {@code baseUrl} (like "https://api.yclients.com" or "http://127.0.0.1:1234"; a trailing
   * slash or a path prefix is kept). Time must be given ({@link Builder#time}); the rest defaults to one attempt,
   * no rate limit and no listener.
   */
  public static Builder builder(OkHttpClient http, ObjectMapper mapper, String baseUrl) {
    return new Builder(http, mapper, baseUrl);
  }

  /** An OkHttpClient with connect 3 s, read 10 s, write 10 s and call timeout 15 s. */
  public static OkHttpClient defaultHttpClient() {
    return new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(15))
        .build();
  }

  /** The company and its booking forms. */
  public CompanyApi companies() {
    return companies;
  }

  /** The admin catalog (services and staff, hidden ones included); needs the user token. */
  public CatalogApi catalog() {
    return catalog;
  }

  /** Online booking: services, staff, days, times, check, SMS code, booking, reading and cancelling a record. */
  public OnlineBookingApi booking() {
    return booking;
  }

  /** The company's records as its staff sees them: read one, list them, write one back; needs the user token. */
  public RecordsApi records() {
    return records;
  }

  /** A user token from a YCLIENTS staff login. */
  public AuthApi auth() {
    return auth;
  }

  /** The same client (same budget, policy, listener), its calls taking {@code caller}'s share of the budget. */
  public YclientsClient forCaller(Caller caller) {
    YclientsHttp bound = http.forCaller(caller);
    return bound == http ? this : new YclientsClient(bound);
  }

  /** Whose share of the budget this client's calls take. */
  public Caller caller() {
    return http.caller();
  }

  /** The rate limiter every call waits on (the wiring test checks production keeps YCLIENTS's limits). */
  public RequestLimiter limiter() {
    return retries.budget().budget();
  }

  /** The budget every call takes its caller's share of. */
  public FairScheduler budget() {
    return retries.budget();
  }

  /** How a {@link YclientsClient} is put together; the composition root and tests say what differs. */
  public static final class Builder {
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private Clock clock;
    private LongSupplier nanoTime;
    private Sleeper sleeper;
    private RequestLimiter limiter = RequestLimiter.unlimited();
    private Shares shares = Shares.NONE;
    private CallPolicy policy = CallPolicy.ONE_ATTEMPT;
    private CallListener listener = CallListener.NONE;

    private Builder(OkHttpClient http, ObjectMapper mapper, String baseUrl) {
      this.http = Objects.requireNonNull(http, "http");
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      this.baseUrl = baseUrl;
    }

    /**
     * The time the client lives in: {@code clock} turns a date-form {@code Retry-After} into seconds,
     * {@code nanoTime} measures deadlines and latency, {@code sleeper} waits out back-offs.
     */
    public Builder time(Clock clock, LongSupplier nanoTime, Sleeper sleeper) {
      this.clock = Objects.requireNonNull(clock, "clock");
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The budget every call takes a slot of before it goes out (YCLIENTS: 5 a second, 200 a minute per IP). */
    public Builder limiter(RequestLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    /** How the budget is shared between callers (default: turns only, see {@link Shares#NONE}). */
    public Builder shares(Shares shares) {
      this.shares = Objects.requireNonNull(shares, "shares");
      return this;
    }

    /** Deadline, attempts and back-off of every call. */
    public Builder policy(CallPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Told the outcome of every call. */
    public Builder listener(CallListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @throws IllegalArgumentException when the base URL is not an absolute http(s) URL
     * @throws IllegalStateException    when no time was given
     */
    public YclientsClient build() {
      if (clock == null) {
        throw new IllegalStateException("YclientsClient needs its time: call time(clock, nanoTime, sleeper)");
      }
      RetryLoop retries = new RetryLoop(new FairScheduler(limiter, shares), policy, nanoTime, sleeper);
      return new YclientsClient(new YclientsHttp(http, mapper, baseUrl, clock, nanoTime, retries, listener,
          Caller.BACKGROUND));
    }
  }
}
