package io.github.devopsassess.source;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A small least-recently-used cache of blob texts for one miner. Commits are mined newest first, so the old version
 * of a file in one commit is usually the new version in the next one mined: keeping recent blobs saves about half of
 * the blob reads, and delta resolution is the expensive part of reading a blob.
 */
final class BlobCache {

    /** A cached blob: its text, or {@code null} text for a binary or oversized blob. */
    record Entry(RawText text, long bytes) {
    }

    private final long limit;
    private long size;
    private final LinkedHashMap<ObjectId, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);

    BlobCache(long limitBytes) {
        this.limit = limitBytes;
    }

    Entry get(ObjectId id) {
        return entries.get(id);
    }

    void put(ObjectId id, RawText text, long bytes) {
        if (bytes > limit / 4) {
            return; // one huge blob would evict everything useful
        }
        Entry old = entries.put(id.copy(), new Entry(text, bytes));
        size += bytes - (old == null ? 0 : old.bytes());
        var it = entries.entrySet().iterator();
        while (size > limit && it.hasNext()) {
            Map.Entry<ObjectId, Entry> eldest = it.next();
            size -= eldest.getValue().bytes();
            it.remove();
        }
    }
}
