package io.github.yclientsbot.scenario;

import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Everything the bot did in answer to one update (or a few sent together), in order. */
public record Turn(List<Outgoing> all) {

    public Turn {
        all = List.copyOf(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The new messages, in order. */
    public List<Outgoing> messages() {
        return only(Outgoing::isMessage);
    }

    /** The one new message; fails when there is not exactly one. */
    public Outgoing message() {
        return single(Outgoing::isMessage, "new message");
    }

    public List<Outgoing> edits() {
        return only(Outgoing::isEdit);
    }

    /** The one edited message; fails when there is not exactly one. */
    public Outgoing edit() {
        return single(Outgoing::isEdit, "edited message");
    }

    public List<Outgoing> answers() {
        return only(Outgoing::isAnswer);
    }

    /** The one answer to a pressed button; fails when there is not exactly one. */
    public Outgoing answer() {
        return single(Outgoing::isAnswer, "answer to a button");
    }

    public List<Outgoing> documents() {
        return only(Outgoing::isDocument);
    }

    /** The one file sent; fails when there is not exactly one. */
    public Outgoing document() {
        return single(Outgoing::isDocument, "file");
    }

    public List<Outgoing> deletes() {
        return only(Outgoing::isDelete);
    }

    /** The one deletion of a user's message; fails when there is not exactly one. */
    public Outgoing delete() {
        return single(Outgoing::isDelete, "deletion");
    }

    public List<Outgoing> menus() {
        return only(Outgoing::isMenu);
    }

    private List<Outgoing> only(Predicate<Outgoing> kind) {
        return all.stream().filter(kind).toList();
    }

    private Outgoing single(Predicate<Outgoing> kind, String what) {
        List<Outgoing> matching = only(kind);
        assertEquals(1, matching.size(), "expected one " + what + " in " + all);
        return matching.get(0);
    }
}
