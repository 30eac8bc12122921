package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs a Terragrunt unit really passes: those of the files it includes, then its own, the unit's winning for
 * a key both set (Terragrunt's default {@code shallow} merge; {@code deep} is read the same way at the top level, and
 * an include with {@code merge_strategy = "no_merge"} adds nothing). An include's path is resolved as Terragrunt does
 * from the unit's folder: {@code find_in_parent_folders()} is the nearest {@code terragrunt.hcl} above it,
 * {@code find_in_parent_folders("root.hcl")} the nearest {@code root.hcl}; {@code "${get_terragrunt_dir()}/../x.hcl"},
 * {@code "${get_repo_root()}/_envcommon/x.hcl"} and {@code "${dirname(find_in_parent_folders())}/_envcommon/x.hcl"}
 * as written. Inputs are an object ({@code inputs = { … }}) or a {@code merge(…)} of objects and of the
 * {@code locals} or {@code inputs} of files the including file reads with
 * {@code read_terragrunt_config(find_in_parent_folders("env.hcl"))}, which Terragrunt evaluates from the unit's
 * folder, so each environment's {@code env.hcl} gives its own values. Anything else (a function of locals, a file
 * that is not in the repository) adds no input rather than a guessed one.
 */
final class TerragruntInputs {

    private static final String PREFIX = "inputs.";
    private static final Pattern FIND = Pattern.compile(
            "find_in_parent_folders\\(\\s*(?:\"([^\"$]*)\")?\\s*(?:,[^)]*)?\\)");
    private static final Pattern DIRNAME_FIND = Pattern.compile("^\\$\\{dirname\\(" + FIND.pattern() + "\\)}");
    private static final Pattern TERRAGRUNT_DIR = Pattern.compile("^\\$\\{get_(?:terragrunt|original_terragrunt)_dir"
            + "\\(\\)}");
    private static final Pattern REPO_ROOT = Pattern.compile("^\\$\\{get_repo_root\\(\\)}");
    private static final Pattern LOCAL_FILE = Pattern.compile("local\\.([A-Za-z_][\\w-]*)\\.(locals|inputs)");

    private final Function<String, Optional<HclBody>> bodies;
    private final Set<String> files;

    /**
     * @param bodies the parsed file of a path, empty when it is missing or does not parse (its problem recorded once)
     * @param files every file of the tree
     */
    TerragruntInputs(Function<String, Optional<HclBody>> bodies, Set<String> files) {
        this.bodies = bodies;
        this.files = files;
    }

    /** The merged inputs of a unit: those it includes first, its own after, each at the line that sets it. */
    List<Setting> of(String unitPath, HclBody unit) {
        String folder = Inputs.folder(unitPath);
        Map<String, Setting> merged = new LinkedHashMap<>();
        for (HclBlock include : unit.blocks("include")) {
            Optional<HclAttribute> strategy = include.attribute("merge_strategy");
            if (strategy.isPresent() && "no_merge".equals(strategy.get().value().text())) {
                continue;
            }
            include.attribute("path").flatMap(p -> resolve(p.value(), folder)).filter(p -> !p.equals(unitPath))
                    .ifPresent(parent -> bodies.apply(parent).ifPresent(body ->
                            own(parent, body, folder).forEach(s -> put(merged, s))));
        }
        own(unitPath, unit, folder).forEach(s -> put(merged, s));
        return new ArrayList<>(merged.values());
    }

    private static void put(Map<String, Setting> merged, Setting s) {
        merged.remove(s.key()); // the later one wins, at its own place
        merged.put(s.key(), s);
    }

    /** The {@code inputs} a file itself sets, with {@code read_terragrunt_config} resolved from the unit's folder. */
    private List<Setting> own(String path, HclBody body, String unitFolder) {
        List<Setting> out = new ArrayList<>();
        Optional<HclAttribute> inputs = body.attribute("inputs");
        if (inputs.isEmpty()) {
            return out;
        }
        HclValue value = inputs.get().value();
        List<HclValue> parts = value instanceof HclValue.Call call && call.function().equals("merge")
                ? call.arguments() : List.of(value);
        for (HclValue part : parts) {
            if (part instanceof HclValue.ObjectValue object) {
                object.entries().forEach(e -> out.add(Setting.of(PREFIX + e.key(), TerraformVars.text(e.value()),
                        path, e.line())));
            } else if (part instanceof HclValue.Expression e) {
                Matcher m = LOCAL_FILE.matcher(e.source());
                if (m.matches()) {
                    readConfig(body, m.group(1), unitFolder).ifPresent(read -> attributes(read, m.group(2))
                            .forEach(a -> out.add(Setting.of(PREFIX + a.name(), TerraformVars.text(a.value()),
                                    read.path, a.line()))));
                }
            }
        }
        return out;
    }

    private record Read(String path, HclBody body) {
    }

    /** {@code locals { env = read_terragrunt_config(<path>) }}: the file it reads, from the unit's folder. */
    private Optional<Read> readConfig(HclBody body, String local, String unitFolder) {
        for (HclBlock locals : body.blocks("locals")) {
            Optional<HclAttribute> a = locals.attribute(local);
            if (a.isPresent() && a.get().value() instanceof HclValue.Call call
                    && call.function().equals("read_terragrunt_config") && !call.arguments().isEmpty()) {
                Optional<String> path = resolve(call.arguments().get(0), unitFolder);
                return path.flatMap(p -> bodies.apply(p).map(b -> new Read(p, b)));
            }
        }
        return Optional.empty();
    }

    private static List<HclAttribute> attributes(Read read, String what) {
        if (what.equals("inputs")) {
            return read.body().attribute("inputs").map(HclAttribute::value)
                    .filter(HclValue.ObjectValue.class::isInstance).map(HclValue.ObjectValue.class::cast)
                    .map(o -> o.entries().stream().map(e -> new HclAttribute(e.key(), e.line(), e.value())).toList())
                    .orElse(List.of());
        }
        List<HclAttribute> out = new ArrayList<>();
        read.body().blocks("locals").forEach(l -> out.addAll(l.body().attributes()));
        return out;
    }

    /** The repository path an include or {@code read_terragrunt_config} names, if it is in the repository. */
    Optional<String> resolve(HclValue value, String unitFolder) {
        String written = value instanceof HclValue.Literal l && l.text() != null ? l.text() : value.source().strip();
        if (written.startsWith("\"") && written.endsWith("\"") && written.length() >= 2) {
            written = written.substring(1, written.length() - 1);
        }
        Matcher find = FIND.matcher(written);
        if (find.matches()) {
            return findInParents(unitFolder, find.group(1) == null ? "terragrunt.hcl" : find.group(1));
        }
        Matcher dirname = DIRNAME_FIND.matcher(written);
        if (dirname.lookingAt()) {
            Optional<String> found = findInParents(unitFolder, dirname.group(1) == null ? "terragrunt.hcl"
                    : dirname.group(1));
            String rest = written.substring(dirname.end());
            return found.map(f -> normalise(Inputs.folder(f), rest)).filter(files::contains);
        }
        Matcher dir = TERRAGRUNT_DIR.matcher(written);
        if (dir.lookingAt()) {
            return Optional.of(normalise(unitFolder, written.substring(dir.end()))).filter(files::contains);
        }
        Matcher root = REPO_ROOT.matcher(written);
        if (root.lookingAt()) {
            return Optional.of(normalise("", written.substring(root.end()))).filter(files::contains);
        }
        if (written.contains("${") || written.startsWith("/")) {
            return Optional.empty();
        }
        return Optional.of(normalise(unitFolder, written)).filter(files::contains);
    }

    /** The nearest {@code name} in a folder above {@code folder}, as Terragrunt looks for it. */
    private Optional<String> findInParents(String folder, String name) {
        String current = folder;
        while (!current.isEmpty()) {
            current = Inputs.folder(current);
            String candidate = normalise(current, name);
            if (files.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String folder, String relative) {
        return TerraformVars.Source.of("./" + relative.replaceFirst("^/+", ""), folder).identity();
    }
}
