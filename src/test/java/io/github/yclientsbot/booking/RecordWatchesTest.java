package io.github.yclientsbot.booking;

import io.github.yclientsbot.yclients.RecordDetails;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every listener hears of every record, whatever another one does. */
class RecordWatchesTest {

    @Test
    void oneListenersFailureDoesNotKeepTheRecordFromTheOthers() {
        List<String> heard = new ArrayList<>();
        RecordWatch failing = new RecordWatch() {
            @Override
            public void seen(long companyId, RecordDetails record) {
                throw new IllegalStateException("boom");
            }

            @Override
            public void gone(long companyId, long recordId) {
                throw new IllegalStateException("boom");
            }
        };
        RecordWatch listening = new RecordWatch() {
            @Override
            public void seen(long companyId, RecordDetails record) {
                heard.add("seen");
            }

            @Override
            public void gone(long companyId, long recordId) {
                heard.add("gone " + companyId + "/" + recordId);
            }
        };
        RecordWatches all = new RecordWatches(List.of(failing, listening, listening));

        all.gone(502817, 42);

        assertEquals(List.of("gone 502817/42", "gone 502817/42"), heard);
    }
}
