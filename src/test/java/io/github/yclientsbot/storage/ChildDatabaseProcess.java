package io.github.yclientsbot.storage;

import java.time.Clock;

/**
 * Test-only main class run in a child JVM: opens the database at {@code args[0]}, stores the plain setting
 * {@code args[1] = args[2]}, prints {@value #WRITTEN} on a line of its own and then waits to be killed.
 */
public final class ChildDatabaseProcess {

    static final String WRITTEN = "WRITTEN";

    private ChildDatabaseProcess() {
    }

    public static void main(String[] args) throws Exception {
        Database database = Database.open(args[0], null, null, Clock.systemUTC());
        database.settings(new SecretBox(new byte[32])).put(args[1], args[2], false, 42L);
        System.out.println(WRITTEN);
        System.out.flush();
        while (true) {
            Thread.sleep(60_000);
        }
    }
}
