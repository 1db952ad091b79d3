package io.github.yclientsbot.booking;

import io.github.yclientsbot.company.NotReadyException;
import io.github.yclientsbot.company.Settings;
import io.github.yclientsbot.company.YclientsDirectory;
import io.github.yclientsbot.config.SettingKey;
import io.github.yclientsbot.ratelimit.Caller;
import io.github.yclientsbot.ratelimit.CallerScope;
import io.github.yclientsbot.yclients.RecordDetails;
import io.github.yclientsbot.yclients.RecordsApi;
import io.github.yclientsbot.yclients.RecordsPage;
import io.github.yclientsbot.yclients.RecordsQuery;
import io.github.yclientsbot.yclients.YclientsClient;
import io.github.yclientsbot.yclients.YclientsCredentials;
import io.github.yclientsbot.yclients.YclientsException;

import java.util.Optional;

/**
 * The company's records as its staff sees them ({@code GET}/{@code PUT /record}), which needs the user token: read
 * and written on the share of YCLIENTS's budget of whoever the work is done for ({@link CallerScope}: the customer
 * whose button it was; background work outside an update). Whether it can work at all with the tokens given is
 * {@link #possible()}: a readable partner token, a company, and a user token that is set and readable.
 */
public final class StaffRecords {
    private final Settings settings;
    private final YclientsDirectory directory;
    private final CallerScope callers;

    public StaffRecords(Settings settings, YclientsDirectory directory, CallerScope callers) {
        this.settings = settings;
        this.directory = directory;
        this.callers = callers;
    }

    /** Records can be read and written with the tokens given. */
    public boolean possible() {
        return credentials().isPresent();
    }

    /** The record as the salon has it now. */
    public RecordDetails read(long companyId, long recordId) throws YclientsException, NotReadyException {
        return client().records().record(required(), companyId, recordId);
    }

    /** One page of the company's records ({@code GET /records}). */
    public RecordsPage list(long companyId, RecordsQuery query) throws YclientsException, NotReadyException {
        return client().records().records(required(), companyId, query);
    }

    /** A full update of a record read right before ({@code PUT /record}). */
    public RecordDetails write(long companyId, RecordsApi.Update update) throws YclientsException, NotReadyException {
        return client().records().update(required(), companyId, update);
    }

    private YclientsClient client() {
        return directory.client().forCaller(callers.current(Caller.BACKGROUND));
    }

    private YclientsCredentials required() throws NotReadyException {
        return credentials().orElseThrow(() -> new NotReadyException(directory.readiness()));
    }

    private Optional<YclientsCredentials> credentials() {
        if (!directory.readiness().ready() || settings.get(SettingKey.YCLIENTS_USER_TOKEN).undecryptable()) {
            return Optional.empty();
        }
        return settings.credentials().filter(YclientsCredentials::hasUserToken);
    }
}
