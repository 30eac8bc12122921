package io.github.devopsassess.check.ownership;

import io.github.devopsassess.check.Check;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.facts.ownership.CommittedKeys;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Words;
import io.github.devopsassess.rubric.CheckSettings;

import java.util.List;

/**
 * {@code committed-private-keys}: private keys committed as files outside tests, fixtures, examples and documentation.
 * Everyone who can read the repository, and every clone and fork of it, holds the key for as long as the history
 * exists; deleting the file does not take it back. One finding lists every key file (one root cause: keys kept in
 * version control); the key itself is never shown.
 */
public final class CommittedPrivateKeysCheck implements Check {

    public static final String ID = "committed-private-keys";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Class<?>> requires() {
        return List.of(CommittedKeys.class);
    }

    @Override
    public Judgement judge(Facts facts, CheckSettings settings) {
        CommittedKeys committed = facts.get(CommittedKeys.class);
        String left = committed.leftOut().isEmpty() ? "" : "; " + Words.plural(committed.leftOut().size(),
                "key file", "key files") + " of tests, fixtures, examples, documentation or debugging not judged ("
                + String.join(", ", committed.leftOut().subList(0, Math.min(5, committed.leftOut().size())))
                + (committed.leftOut().size() > 5 ? ", …" : "") + ")";
        if (committed.keys().isEmpty()) {
            if (committed.filesRead() == 0) {
                return Judgement.clean("no key file (.pem, .key, id_rsa …) in the repository" + left).measured(0);
            }
            return Judgement.clean("no private key in " + Words.plural(committed.filesRead(), "key file",
                    "key files") + left).measured(0);
        }
        List<Evidence> evidence = committed.keys().stream().map(k -> Evidence.line(k.path(), k.line())
                .withNote(k.kind() + (k.encrypted() ? " (encrypted with a passphrase)" : ""))).toList();
        boolean allEncrypted = committed.keys().stream().allMatch(CommittedKeys.Key::encrypted);
        String message = Words.plural(committed.keys().size(), "private key is", "private keys are")
                + " committed (" + String.join(", ", committed.keys().stream().map(CommittedKeys.Key::path)
                        .distinct().toList()) + "): everyone who can read the repository, and every clone of it,"
                + " holds " + Words.noun(committed.keys().size(), "it", "them") + " for as long as the history"
                + " exists." + (allEncrypted ? " They are encrypted, so the passphrase is all that protects them."
                        : "");
        Finding f = allEncrypted ? settings.warn(message, "private-keys", evidence)
                : settings.fail(message, "private-keys", evidence);
        return Judgement.of(List.of(f), committed.keys().size(), Words.plural(committed.keys().size(),
                "committed private key", "committed private keys") + left).measured(committed.keys().size());
    }
}
