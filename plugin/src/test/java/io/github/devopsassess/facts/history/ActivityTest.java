package io.github.devopsassess.facts.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Who is still around: commits and merges count, whoever pressed the button; GitHub itself is nobody. */
class ActivityTest {

    private static final long T0 = 1_700_000_000L;

    private static AuthoredCommit commit(int n, Person who, long time) {
        return new AuthoredCommit(new MinedCommit(String.format("%040x", n), who.display(), who.key(), time, time, 1,
                "change", List.of(), List.of(new FileTouch("a.txt", null, 'M', 1, 0))), who);
    }

    @Test
    void aMaintainerWhoNowOnlyMergesIsActive() {
        Person ann = new Person("ann@x.org", "Ann", false);
        Person bob = new Person("bob@x.org", "Bob", false);
        Person cid = new Person("cid@x.org", "Cid", false);
        List<AuthoredCommit> commits = List.of(commit(1, ann, T0), commit(2, bob, T0 + 10), commit(3, cid, T0 + 20));
        // Ann merges in GitHub's web interface (GitHub commits, Ann authors); Bob merges at his terminal
        Merge web = new Merge("m1", "Ann", "ann@x.org", "GitHub", "noreply@github.com", T0 + 1_000, "Merge #1");
        Merge terminal = new Merge("m2", "Cid", "cid@x.org", "Bob", "bob@x.org", T0 + 2_000, "Merge #2");
        HistoryFacts history = new HistoryFacts(true, null, commits, List.of(web, terminal), List.of(),
                Map.of(), List.of(), T0 + 3_000, false);

        Activity activity = new Activity(history);

        assertThat(activity.last("ann@x.org")).isEqualTo(T0 + 1_000);
        assertThat(activity.last("bob@x.org")).isEqualTo(T0 + 2_000);
        assertThat(activity.last("cid@x.org")).isEqualTo(T0 + 2_000); // authored the merged branch's merge
        assertThat(activity.last("noreply@github.com")).isEqualTo(-1);
        assertThat(activity.activeAfter("ann@x.org", T0 + 999)).isTrue();
        assertThat(activity.activeAfter("ann@x.org", T0 + 1_000)).isFalse();
        assertThat(activity.activeAfter("dan@x.org", 0)).isFalse();
    }

    @Test
    void mergeKeysFallBackToTheAddressUntilTheHistoryScannerResolvesThem() {
        Merge m = new Merge("m", "Ann", "Ann@X.org ", "GitHub", "noreply@github.com", T0, "Merge");
        assertThat(m.authorKey()).isEqualTo("ann@x.org");
        assertThat(m.committedByPlatform()).isTrue();
        assertThat(m.mergerKey()).isEqualTo("ann@x.org");
        Merge resolved = m.withKeys("ann@corp.example", "noreply@github.com");
        assertThat(resolved.mergerKey()).isEqualTo("ann@corp.example");
        Merge terminal = new Merge("m", "Ann", "ann@x.org", "Bob", "", T0, "Merge");
        assertThat(terminal.committerKey()).isEqualTo("bob");
        assertThat(terminal.mergerKey()).isEqualTo("bob");
    }
}
