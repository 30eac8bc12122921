package io.github.devopsassess.scan.postmortem;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemDumpTest {
    @Test
    void dump(@TempDir Path dir) {
        var facts = PostmortemFixtures.scan(PostmortemFixtures.copy("repo", dir), null, false);
        var pm = facts.find(PostmortemFacts.class).orElseThrow();
        pm.postmortems().forEach(p -> {
            System.out.println("== " + p.path() + " | " + p.title() + " | " + p.incidentDate() + " (" + p.dateSource()
                    + ":" + p.dateLine() + ") sev=" + p.severity() + "@" + p.severityLine() + " owner=" + p.owner()
                    + " status=" + p.status() + " ttd=" + p.minutesToDetect() + " ttr=" + p.minutesToRestore()
                    + " (" + p.restoreSource() + ") english=" + p.english() + " lines=" + p.lineCount());
            p.sections().forEach(s -> System.out.println("   " + s.kind() + " '" + s.heading() + "' L" + s.level()
                    + " @" + s.line() + " text=" + s.text().size() + " empty=" + s.empty()));
            p.actionItems().forEach(i -> System.out.println("   AI " + i));
            p.timeline().forEach(t -> System.out.println("   TL " + t));
            p.mentions().forEach(t -> System.out.println("   MN " + t));
        });
        System.out.println(pm.unreadable());
        System.out.println(pm.templates());
        System.out.println(pm.recurring());
        pm.incidents().forEach(System.out::println);
        facts.problems().forEach(p -> System.out.println("PROBLEM " + p.label()));
    }
}
