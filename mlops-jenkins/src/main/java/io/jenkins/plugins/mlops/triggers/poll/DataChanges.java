package io.jenkins.plugins.mlops.triggers.poll;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between two looks at a data source: entries added, removed and modified. A file counts
 * as modified only if its content hash changed (a touched file is not a change); a URL's entry counts
 * as modified if its ETag, Last-Modified or size changed.
 *
 * @param added    new entries, sorted
 * @param removed  entries gone, sorted
 * @param modified entries whose content changed, sorted
 */
public record DataChanges(List<String> added, List<String> removed, List<String> modified) {
    private static final int NAMES_SHOWN = 5;

    /** Copies the lists. */
    public DataChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        modified = List.copyOf(modified);
    }

    /**
     * Compares two looks at the same source.
     *
     * @param before the entries remembered from the last poll
     * @param now    the entries just read
     * @return the differences
     */
    public static DataChanges between(final Map<String, String> before, final Map<String, String> now) {
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        for (Map.Entry<String, String> entry : now.entrySet()) {
            String old = before.get(entry.getKey());
            if (old == null) {
                added.add(entry.getKey());
            } else if (!sameContent(old, entry.getValue())) {
                modified.add(entry.getKey());
            }
        }
        List<String> removed = new ArrayList<>();
        for (String key : before.keySet()) {
            if (!now.containsKey(key)) {
                removed.add(key);
            }
        }
        added.sort(null);
        modified.sort(null);
        removed.sort(null);
        return new DataChanges(added, removed, modified);
    }

    private static boolean sameContent(final String before, final String now) {
        FileStamp old = FileStamp.decode(before);
        FileStamp current = FileStamp.decode(now);
        if (old != null && current != null) {
            return old.sha256().equals(current.sha256());
        }
        return Objects.equals(before, now);
    }

    /** @return whether nothing changed */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }

    /**
     * Says what changed in a few words, naming at most five entries per kind.
     *
     * @param source the folder, glob or URL, as configured
     * @return for example {@code 2 new (b.csv, c.csv), 1 changed (a.csv) in /mnt/data/*.csv}
     */
    public String describe(final String source) {
        if (isEmpty()) {
            return "no change in " + source;
        }
        List<String> parts = new ArrayList<>();
        part(parts, added, "new");
        part(parts, modified, "changed");
        part(parts, removed, "removed");
        return String.join(", ", parts) + " in " + source;
    }

    private static void part(final List<String> parts, final List<String> names, final String kind) {
        if (names.isEmpty()) {
            return;
        }
        List<String> shown = names.subList(0, Math.min(NAMES_SHOWN, names.size()));
        String more = names.size() > NAMES_SHOWN ? ", +" + (names.size() - NAMES_SHOWN) + " more" : "";
        parts.add(names.size() + " " + kind + " (" + String.join(", ", shown) + more + ")");
    }
}
