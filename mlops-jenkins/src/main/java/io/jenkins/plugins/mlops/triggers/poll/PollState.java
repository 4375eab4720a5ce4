package io.jenkins.plugins.mlops.triggers.poll;

import java.util.Map;

/**
 * What a trigger saw at its last poll: the source it watched (as configured, so a changed path or URL
 * starts a new baseline instead of firing) and its entries.
 *
 * @param source  the folder, glob, URL or service, with the node, as configured; empty if never polled
 * @param entries entry name to what was seen (a {@link FileStamp}, URL validators, or decay facts)
 */
public record PollState(String source, Map<String, String> entries) {
    /** The state of a trigger that never polled. */
    public static final PollState NONE = new PollState("", Map.of());

    /** Copies the entries. */
    public PollState {
        entries = Map.copyOf(entries);
    }

    /**
     * @param configured the source the trigger watches now
     * @return the entries if they were seen at the same source, else none
     */
    public Map<String, String> entriesOf(final String configured) {
        return source.equals(configured) ? entries : Map.of();
    }
}
