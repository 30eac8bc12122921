package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Words;
import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.model.Finding;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.Setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code environment-credentials}: a committed {@code .env} file, or a credential-looking key (password, token,
 * secret…) holding a literal value in an environment definition. Everyone who can read the repository — and every
 * clone of it — holds that credential. The value is never shown: findings name the key and its file and line.
 */
public final class EnvironmentCredentialsCheck extends EnvironmentCheck {

    public static final String ID = "environment-credentials";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(EnvironmentFacts env, Facts facts, CheckSettings settings) {
        if (env.definitions().isEmpty()) {
            return Judgement.inapplicable("no environment definitions found");
        }
        Map<String, Finding> findings = new TreeMap<>();
        for (EnvironmentDefinition d : env.definitions()) {
            if (d.system().equals("dotenv")) {
                // A committed .env matters when it holds a real credential; local defaults (postgres, changeme)
                // and plain settings are how many projects document their development setup.
                List<Setting> secrets = d.settings().stream().filter(Setting::literalCredential).toList();
                if (secrets.isEmpty()) {
                    continue;
                }
                List<String> keys = secrets.stream().map(Setting::displayKey).toList();
                // The lines of the credential keys (their values masked wherever they are shown).
                List<Evidence> where = secrets.stream().map(s -> Evidence.line(s.path(), s.line())
                        .withNote("credential key " + s.displayKey())).toList();
                findings.putIfAbsent(d.path(), settings.fail("The file " + d.path() + " is committed with "
                        + "credentials in it (" + String.join(", ", keys) + "); .env files hold local or environment "
                        + "secrets and belong outside version control.", d.path(), where));
                continue;
            }
            if (localOnly(d)) {
                continue;
            }
            for (Setting s : d.settings()) {
                if (s.literalCredential()) {
                    String subject = s.path() + " " + s.displayKey();
                    findings.putIfAbsent(subject, settings.fail(s.displayKey() + " in " + s.path() + " holds a "
                            + "literal credential (value not shown): anyone with read access to the repository "
                            + "has it.", subject,
                            List.of(Evidence.line(s.path(), s.line()).withNote("key " + s.displayKey()))));
                }
            }
        }
        if (findings.isEmpty()) {
            return Judgement.clean("no literal credential in " + env.definitions().size() + " environment definitions "
                    + "(development, test and local compose files are not counted)");
        }
        List<Finding> list = new ArrayList<>(findings.values());
        return Judgement.of(list, 0, list.size()
                + " committed "
                + Words.noun(list.size(), "credential or .env file", "credentials or .env files"))
                .measured(list.size());
    }

    /**
     * A definition only a developer's machine or a test run uses: a development or test environment, or a compose
     * file without an environment in its name (compose is how projects start their dependencies locally). A
     * password there protects a throwaway container, not production.
     */
    private static boolean localOnly(EnvironmentDefinition d) {
        return EnvironmentNames.DEVELOPMENT.equals(d.environment()) || EnvironmentNames.TEST.equals(d.environment())
                || d.system().equals("compose") && d.isBase();
    }
}
