package io.github.devopsassess.analysis;

import io.github.devopsassess.facts.history.*;
import io.github.devopsassess.facts.history.AuthoredCommit;
import io.github.devopsassess.facts.history.FileTouch;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who changed each live file and how much, replaying history oldest first and following renames so that a renamed
 * file keeps its history. Lines added are the measure of ownership when they were mined; otherwise commits are.
 */
public final class FileOwnership {

    private FileOwnership() {
    }

    /**
     * @param commits commits by people, oldest first
     * @param liveFiles files as they are now, in the order the result keeps (a tree's files come sorted)
     * @return live file → its history, for files that have one
     */
    public static Map<String, FileStats> replay(Collection<AuthoredCommit> commits, Collection<String> liveFiles) {
        Map<String, FileStats> states = new HashMap<>();
        for (AuthoredCommit c : commits) {
            String who = c.author().key();
            for (FileTouch t : c.commit().files()) {
                switch (t.kind()) {
                    case 'D' -> states.remove(t.path());
                    case 'R' -> {
                        FileStats moved = states.remove(t.oldPath());
                        states.put(t.path(), moved == null ? new FileStats() : moved);
                    }
                    case 'A' -> states.put(t.path(), new FileStats());
                    default -> states.computeIfAbsent(t.path(), p -> new FileStats());
                }
                if (t.kind() != 'D') {
                    states.get(t.path()).record(who, t, c.commit().id());
                }
            }
        }
        Map<String, FileStats> out = new LinkedHashMap<>();
        for (String f : liveFiles) {
            FileStats s = states.get(f);
            if (s != null) {
                out.put(f, s);
            }
        }
        return out;
    }
}
