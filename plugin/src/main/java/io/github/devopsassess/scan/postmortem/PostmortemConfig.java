package io.github.devopsassess.scan.postmortem;

import io.github.devopsassess.facts.postmortem.BlameTerm;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.parse.YamlNode;
import io.github.devopsassess.parse.YamlReader;
import io.github.devopsassess.source.RepoTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where postmortems are looked for and which phrases count as blame. The defaults below are documented in
 * docs/inputs.adoc; a team changes them in {@code .devops/postmortems.yaml} (in the assessed folder or at the
 * repository root):
 *
 * <pre>
 * include: [ "ops/retros/**" ]           # replaces the default globs
 * exclude: [ "reports/coverage/**" ]     # added to the default exclusions
 * blameTerms:                            # added to the default lexicon
 *   - { phrase: "dropped the ball", why: "...", rewording: "..." }
 * </pre>
 *
 * @param include globs (relative to the assessed folder and to the repository root) of postmortem files
 * @param exclude globs of files never read as postmortems
 * @param blameTerms the blame lexicon
 * @param source the configuration file read, or {@code null} for the defaults
 */
public record PostmortemConfig(List<String> include, List<String> exclude, List<BlameTerm> blameTerms,
        String source) {

    public static final String FILE = ".devops/postmortems.yaml";

    /** Folders that hold postmortems, and file names that postmortem collections use. */
    public static final List<String> DEFAULT_INCLUDE = List.of("postmortems/**", "post-mortems/**",
            "docs/postmortems/**", "docs/post-mortems/**", "incidents/**", "reports/**",
            "PM[0-9][0-9][0-9][0-9]-*", "**/PM[0-9][0-9][0-9][0-9]-*",
            "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*", "**/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]-*");

    /** Blog posts share the date-prefixed naming; build output and dependencies are not the team's writing. */
    public static final List<String> DEFAULT_EXCLUDE = List.of("**/_posts/**", "_posts/**", "**/node_modules/**",
            "**/target/**", "**/vendor/**", "CHANGELOG*", "**/CHANGELOG*");

    private static final Set<String> KEYS = Set.of("include", "exclude", "blameTerms");

    public PostmortemConfig {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        blameTerms = List.copyOf(blameTerms);
    }

    public static PostmortemConfig defaults() {
        return new PostmortemConfig(DEFAULT_INCLUDE, DEFAULT_EXCLUDE, BlameTerm.DEFAULTS, null);
    }

    /** The configuration of the assessed folder, else of the repository root, else the defaults. */
    static PostmortemConfig load(RepoTree tree, Consumer<ParseProblem> problems) {
        for (String path : List.of(tree.inSubtree(FILE), FILE)) {
            if (tree.isFile(path)) {
                RepoTree.TextRead read = tree.readText(path);
                if (!read.ok()) {
                    problems.accept(new ParseProblem(path, null, "file skipped: " + read.skipped()));
                    return defaults();
                }
                return parse(path, read.text(), problems);
            }
        }
        return defaults();
    }

    static PostmortemConfig parse(String path, String text, Consumer<ParseProblem> problems) {
        YamlReader.Result result = new YamlReader().read(path, text);
        result.problem().ifPresent(problems);
        YamlNode.Mapping m = result.first().flatMap(YamlNode::asMapping).orElse(null);
        if (m == null) {
            if (result.problem().isEmpty()) {
                problems.accept(new ParseProblem(path, 1, "expected a mapping with include, exclude or blameTerms;"
                        + " the defaults are used"));
            }
            return defaults();
        }
        for (String key : m.keys()) {
            if (!KEYS.contains(key)) {
                problems.accept(new ParseProblem(path, m.lineOf(key), "unknown key '" + key + "' (known: blameTerms,"
                        + " exclude, include); it is ignored"));
            }
        }
        List<String> include = strings(m, "include");
        List<String> exclude = new ArrayList<>(DEFAULT_EXCLUDE);
        exclude.addAll(strings(m, "exclude"));
        List<BlameTerm> terms = new ArrayList<>(BlameTerm.DEFAULTS);
        for (YamlNode n : m.list("blameTerms")) {
            YamlNode.Mapping t = n.asMapping().orElse(null);
            String phrase = t == null ? null : t.string("phrase").orElse(null);
            if (phrase == null || phrase.isBlank()) {
                problems.accept(new ParseProblem(path, n.line(), "a blame term needs at least a 'phrase'"));
                continue;
            }
            terms.add(new BlameTerm(phrase, t.string("why").orElse("\"" + phrase + "\" is listed as blaming "
                    + "language by this team."), t.string("rewording").orElse("Describe the condition in the system "
                    + "that made this possible.")));
        }
        return new PostmortemConfig(include.isEmpty() ? DEFAULT_INCLUDE : include, exclude, terms, path);
    }

    private static List<String> strings(YamlNode.Mapping m, String key) {
        return m.list(key).stream().map(YamlNode::text).filter(s -> s != null && !s.isBlank()).toList();
    }
}
