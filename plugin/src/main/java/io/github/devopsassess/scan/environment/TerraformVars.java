package io.github.devopsassess.scan.environment;

import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentNames;
import io.github.devopsassess.facts.environment.RemoteRef;
import io.github.devopsassess.facts.environment.RuntimePin;
import io.github.devopsassess.facts.environment.Setting;
import io.github.devopsassess.model.ParseProblem;
import io.github.devopsassess.parse.HclAttribute;
import io.github.devopsassess.parse.HclBlock;
import io.github.devopsassess.parse.HclBody;
import io.github.devopsassess.parse.HclReader;
import io.github.devopsassess.parse.HclValue;
import io.github.devopsassess.parse.JsonReader;
import io.github.devopsassess.parse.TerraformJson;
import io.github.devopsassess.parse.YamlNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Terraform and Terragrunt per environment, one model for all of them, read with {@link HclReader}:
 * <ul>
 * <li>{@code <env>.tfvars} ({@code prod.tfvars}, {@code terraform.prod.tfvars}) and any {@code *.tfvars} in an
 * environment folder: one setting per variable; the same for {@code <env>.tfvars.json}
 * ({@code config/production.tfvars.json}), read with {@link JsonReader};</li>
 * <li>{@code *.tf.json} like {@code *.tf} (Terraform's JSON syntax, see {@link TerraformJson});</li>
 * <li>{@code *.tf} in an environment folder ({@code envs/stage/main.tf} and {@code envs/prod/main.tf}): one setting
 * {@code module.<name>.<argument>} per argument of each module call, and the call's remote source with its
 * {@code ?ref=} or {@code version} as a remote base;</li>
 * <li>{@code terragrunt.hcl} in an environment folder: one setting {@code inputs.<key>} per input, with the inputs of
 * the files it includes merged in ({@link TerragruntInputs}), the {@code terraform { source }} as a remote base.</li>
 * </ul>
 * An environment folder is {@code environments/<env>/}, {@code envs/<env>/} or {@code env/<env>/}, or a folder
 * named exactly like a known environment ({@code infra/us-east-1/dev/}); what lies below it is a component, which
 * is compared with the same component of the other environments: a Terragrunt unit by its module source (so
 * {@code dev/eks/kubevela-addons} and {@code prod/eks/green/kubevela-addons} of one module are one component), other
 * files by their folder below the environment. A nested map or list is kept as one value (its source text).
 * Every {@code *.tf} also gives its version pins ({@code required_version}, {@code required_providers}) and every
 * {@code .terraform.lock.hcl} its provider versions, per environment when the file lies in an environment folder.
 */
final class TerraformVars {

    static final String SYSTEM = "terraform";

    private static final Set<String> ENV_FOLDERS = Set.of("environments", "envs", "env");
    /** Aliases that name other things when they are a folder on their own ({@code live/} holds every environment). */
    private static final Set<String> NOT_BARE = Set.of("live", "local");
    /** Folders whose Terraform is not an environment: module code, examples and tests. */
    private static final Set<String> NOT_ENVIRONMENT = Set.of("modules", "module", "examples", "example", "tests",
            "test", "fixtures", ".terraform", ".terragrunt-cache");
    /** Module-call arguments that say what is called rather than how it is configured. */
    private static final Set<String> CALL_ARGUMENTS = Set.of("source", "version", "providers", "depends_on");
    /** Folders of templates, examples and tests: their variables files are copied or exercised, never applied. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "(?i)(^|/)(templates?|examples?|tests?|fixtures|modules?|\\.terraform|\\.terragrunt-cache)/");
    private static final Pattern INTERPOLATED_PREFIX = Pattern.compile("^\\$\\{[^}]*}/*");

    /** Where a file lies: the folder that holds the environments, the environment, the folder below it. */
    record Place(String root, String name, String rest) {
        String environment() {
            return EnvironmentNames.normalise(name);
        }
    }

    private final Inputs in;
    private final HclReader hcl = new HclReader();
    private final JsonReader json = new JsonReader();
    private final Map<String, Optional<HclBody>> terragruntFiles = new HashMap<>();
    private TerragruntInputs terragrunt;

    TerraformVars(Inputs in) {
        this.in = in;
    }

    void read(Consumer<EnvironmentDefinition> out, Consumer<RuntimePin> pins) {
        // module calls of every *.tf of one component folder of one environment make one definition
        Map<String, Map<String, HclBody>> componentFiles = new TreeMap<>();
        for (String path : in.files()) {
            if (path.contains("/.terraform/") || path.startsWith(".terraform/") || path.contains(".terragrunt-cache/")) {
                continue;
            }
            String name = Inputs.fileName(path);
            boolean tfvars = name.endsWith(".tfvars");
            boolean tfvarsJson = name.endsWith(".tfvars.json");
            boolean terragrunt = name.equals("terragrunt.hcl");
            boolean lock = name.equals(".terraform.lock.hcl");
            boolean tf = name.endsWith(".tf") || name.endsWith(".tf.json");
            if (!tfvars && !tfvarsJson && !terragrunt && !lock && !tf) {
                continue;
            }
            Optional<Place> place = place(path);
            if (tfvarsJson) {
                jsonDefinition(path, place, out);
            } else if (tfvars || terragrunt) {
                definition(path, tfvars, place, out);
            } else if (lock) {
                body(path).ifPresent(body -> lockPins(path, body, place, pins));
            } else {
                Optional<HclBody> body = body(path);
                body.ifPresent(b -> versionPins(path, b, place, pins));
                if (body.isPresent() && place.isPresent()) {
                    Place p = place.get();
                    componentFiles.computeIfAbsent(p.root() + "\u0000" + p.name() + "\u0000" + p.rest(),
                            k -> new TreeMap<>()).put(path, body.get());
                }
            }
        }
        for (var e : componentFiles.entrySet()) {
            String[] key = e.getKey().split("\u0000", 3);
            Place p = new Place(key[0], key[1], key[2]);
            List<Setting> settings = new ArrayList<>();
            List<RemoteRef> remotes = new ArrayList<>();
            e.getValue().forEach((path, body) -> moduleCalls(path, body, settings, remotes));
            out.accept(new EnvironmentDefinition(SYSTEM, EnvironmentDefinition.familyOf(p.root(), p.rest()), p.name(),
                    p.environment(), e.getValue().keySet().iterator().next(), 1, settings, List.of(), remotes));
        }
    }

    private TerragruntInputs terragrunt() {
        if (terragrunt == null) {
            terragrunt = new TerragruntInputs(this::body, new HashSet<>(in.files()));
        }
        return terragrunt;
    }

    /**
     * The parsed file; a file that is not HCL is one problem with its line, and nothing of it is guessed. Terragrunt
     * files ({@code *.hcl}), which units include and read, are parsed once.
     */
    private Optional<HclBody> body(String path) {
        if (path.endsWith(".hcl") && !path.endsWith(".terraform.lock.hcl")) {
            Optional<HclBody> known = terragruntFiles.get(path);
            if (known == null) {
                known = parse(path);
                terragruntFiles.put(path, known);
            }
            return known;
        }
        return parse(path);
    }

    private Optional<HclBody> parse(String path) {
        return in.text(path).flatMap(text -> {
            HclReader.Result result = hcl.read(path, text);
            if (result.problem().isPresent()) {
                ParseProblem p = result.problem().get();
                in.problem(p.path(), p.line(), p.message());
                return Optional.empty();
            }
            return result.body();
        });
    }

    /**
     * The environment folder of a path: {@code envs/<env>/…} under any folder, or a folder named exactly as a known
     * environment; module code, examples and tests are not environments.
     */
    static Optional<Place> place(String path) {
        String[] seg = path.split("/");
        for (int i = 0; i + 1 < seg.length; i++) {
            String s = seg[i].toLowerCase(Locale.ROOT);
            if (NOT_ENVIRONMENT.contains(s)) {
                return Optional.empty();
            }
            if (ENV_FOLDERS.contains(s) && i + 2 < seg.length) {
                return Optional.of(new Place(join(seg, 0, i), seg[i + 1], join(seg, i + 2, seg.length - 1)));
            }
            if (EnvironmentNames.ALIASES.containsKey(s) && !NOT_BARE.contains(s)) {
                return Optional.of(new Place(join(seg, 0, i), seg[i], join(seg, i + 1, seg.length - 1)));
            }
        }
        return Optional.empty();
    }

    private static String join(String[] seg, int from, int to) {
        return from >= to ? "" : String.join("/", List.of(seg).subList(from, to));
    }

    private void definition(String path, boolean tfvars, Optional<Place> place, Consumer<EnvironmentDefinition> out) {
        String root;
        String name;
        String env;
        String rest = "";
        if (place.isPresent()) {
            root = place.get().root();
            name = place.get().name();
            env = place.get().environment();
            rest = place.get().rest();
        } else {
            root = Inputs.folder(path);
            Optional<String> fromName = tfvars ? nameEnv(Inputs.fileName(path)) : Optional.empty();
            if (tfvars && fromName.isEmpty() && !Inputs.fileName(path).startsWith("terraform.")) {
                return; // some.tfvars that names no environment
            }
            name = fromName.orElse("default");
            env = fromName.map(EnvironmentNames::normalise).orElse(EnvironmentDefinition.BASE);
        }
        Optional<HclBody> read = body(path);
        if (read.isEmpty()) {
            return; // like a malformed YAML file: its environment is not guessed from half a file
        }
        HclBody body = read.get();
        List<Setting> settings = new ArrayList<>();
        List<RemoteRef> remotes = new ArrayList<>();
        String component = rest;
        if (tfvars) {
            body.attributes().forEach(a -> settings.add(Setting.of(a.name(), text(a.value()), path, a.line())));
        } else {
            settings.addAll(terragrunt().of(path, body));
            Optional<HclAttribute> source = body.block("terraform").flatMap(t -> t.attribute("source"));
            if (source.isPresent() && place.isPresent()) {
                String written = text(source.get().value());
                Source s = Source.of(written, Inputs.folder(path));
                component = s.identity();
                if (s.remote()) {
                    remotes.add(new RemoteRef(s.identity(), s.ref(), path, source.get().line()));
                }
            }
        }
        out.accept(new EnvironmentDefinition(SYSTEM, EnvironmentDefinition.familyOf(root, component), name, env, path,
                1, settings, List.of(), remotes));
    }

    /**
     * {@code <env>.tfvars.json} ({@code config/production.tfvars.json}) or any {@code *.tfvars.json} in the folder of a
     * known environment: one setting per variable, at the line of its key. A folder under {@code environments/} that
     * names no known environment ({@code terraform/environments/apex/networking.auto.tfvars.json}) is an application,
     * not an environment, and {@code terraform.tfvars.json} beside the environments' files is their base.
     */
    private void jsonDefinition(String path, Optional<Place> place, Consumer<EnvironmentDefinition> out) {
        String fileName = Inputs.fileName(path);
        if (TEMPLATE.matcher(path).find()) {
            return; // templates/new_service_config/…/production.tfvars.json: copied into new services, run nowhere
        }
        Optional<Place> known = place.filter(p -> EnvironmentNames.known(p.name()).isPresent());
        Optional<String> fromName = nameEnv(fileName);
        boolean base = fileName.equals("terraform.tfvars.json");
        if (known.isEmpty() && fromName.isEmpty() && !(base && place.isEmpty())) {
            return;
        }
        Optional<String> text = in.text(path);
        if (text.isEmpty()) {
            return;
        }
        JsonReader.Result result = json.read(path, text.get());
        if (result.problem().isPresent()) {
            ParseProblem p = result.problem().get();
            in.problem(p.path(), p.line(), p.message());
            return;
        }
        YamlNode root = result.document().orElseThrow();
        if (!(root instanceof YamlNode.Mapping variables)) {
            in.problem(path, root.line(), "a Terraform variables file must be an object of variables, not "
                    + root.kind());
            return;
        }
        List<Setting> settings = new ArrayList<>();
        variables.entries().forEach((key, value) -> settings.add(Setting.of(key, jsonText(value), path,
                variables.lineOf(key))));
        String rootFolder = known.map(Place::root).orElse(Inputs.folder(path));
        String name = known.map(Place::name).orElse(fromName.orElse("default"));
        String env = known.map(Place::environment).orElse(fromName.map(EnvironmentNames::normalise)
                .orElse(EnvironmentDefinition.BASE));
        String component = known.map(Place::rest).orElse("");
        out.accept(new EnvironmentDefinition(SYSTEM, EnvironmentDefinition.familyOf(rootFolder, component), name, env,
                path, 1, settings, List.of(), List.of()));
    }

    /** A JSON variable's value as a {@code .tfvars} one is compared: a string's content, a map or list in one spelling. */
    static String jsonText(YamlNode value) {
        if (value instanceof YamlNode.Scalar s) {
            return s.value() == null ? "null" : s.value();
        }
        return text(TerraformJson.value(value));
    }

    /** {@code module "<name>" { … }}: each argument a setting, a remote source a remote base. */
    private static void moduleCalls(String path, HclBody body, List<Setting> settings, List<RemoteRef> remotes) {
        for (HclBlock module : body.blocks("module")) {
            String name = module.label(0).orElse("");
            for (HclAttribute a : module.body().attributes()) {
                if (!CALL_ARGUMENTS.contains(a.name())) {
                    settings.add(Setting.of("module." + name + "." + a.name(), text(a.value()), path, a.line()));
                }
            }
            Optional<HclAttribute> source = module.attribute("source");
            if (source.isPresent()) {
                Source s = Source.of(text(source.get().value()), Inputs.folder(path));
                String ref = s.ref().isEmpty() ? module.attribute("version").map(v -> text(v.value())).orElse("")
                        : s.ref();
                if (s.remote()) {
                    remotes.add(new RemoteRef(s.identity(), ref, path, source.get().line()));
                }
            }
        }
    }

    /**
     * A module source as compared between environments: {@code git::https://github.com/o/r.git//m?ref=v1} and
     * {@code github.com/o/r.git//m?ref=v1} are one module at ref v1; a local path is resolved against the calling
     * folder, and {@code ${get_repo_root()}/infra/modules/x} is {@code infra/modules/x}.
     */
    record Source(String identity, String ref, boolean remote) {
        static Source of(String written, String folder) {
            String s = written.strip();
            String ref = "";
            int q = s.indexOf('?');
            if (q >= 0) {
                for (String param : s.substring(q + 1).split("&")) {
                    if (param.startsWith("ref=") || param.startsWith("version=")) {
                        ref = param.substring(param.indexOf('=') + 1);
                    }
                }
                s = s.substring(0, q);
            }
            if (INTERPOLATED_PREFIX.matcher(s).lookingAt()) {
                // ${get_repo_root()}/infra/modules/x, ${path_relative_from_include()}/../modules/x: this repository
                return new Source(resolve("", INTERPOLATED_PREFIX.matcher(s).replaceFirst("")), ref, false);
            }
            if (s.startsWith("./") || s.startsWith("../")) {
                return new Source(resolve(folder, s), ref, false);
            }
            boolean remote = s.contains("::") || s.contains("://") || s.startsWith("git@") || s.startsWith("github.com/")
                    || s.startsWith("bitbucket.org/") || s.matches("[\\w.-]+/[\\w.-]+/[\\w.-]+") || !ref.isEmpty();
            s = s.replaceFirst("^[a-z0-9]+::", "").replaceFirst("^[a-z+]+://(/)?", "").replaceFirst("^git@([^:]+):",
                    "$1/");
            s = s.replace(".git//", "//").replaceAll("\\.git$", "").replaceAll("//\\.?$", "").replaceAll("/+$", "");
            return new Source(s, ref, remote);
        }

        private static String resolve(String folder, String relative) {
            List<String> parts = new ArrayList<>(folder.isEmpty() ? List.of() : List.of(folder.split("/")));
            for (String p : relative.split("/")) {
                if (p.equals("..")) {
                    if (!parts.isEmpty()) {
                        parts.remove(parts.size() - 1);
                    }
                } else if (!p.isEmpty() && !p.equals(".")) {
                    parts.add(p);
                }
            }
            return String.join("/", parts);
        }
    }

    /**
     * The environment a pin belongs to: a known environment only ({@code envs/prod/}); an application folder under
     * {@code environments/} ({@code environments/payments/}) is no environment of a runtime.
     */
    static String pinEnvironment(Optional<Place> place) {
        return place.filter(p -> EnvironmentNames.known(p.name()).isPresent()).map(Place::environment).orElse("");
    }

    /** {@code terraform { required_version; required_providers { … } }} of one file. */
    private static void versionPins(String path, HclBody body, Optional<Place> place, Consumer<RuntimePin> pins) {
        String env = pinEnvironment(place);
        for (HclBlock terraform : body.blocks("terraform")) {
            terraform.attribute("required_version").ifPresent(a -> pinned(a.value().text()).ifPresent(v ->
                    pins.accept(new RuntimePin("terraform", v, path, a.line(), RuntimePin.INFRASTRUCTURE, env))));
            for (HclBlock providers : terraform.blocks("required_providers")) {
                for (HclAttribute p : providers.body().attributes()) {
                    String source = "hashicorp/" + p.name();
                    String constraint = null;
                    int line = p.line();
                    if (p.value() instanceof HclValue.ObjectValue o) {
                        Optional<HclValue> s = o.get("source");
                        if (s.isPresent() && s.get() instanceof HclValue.Literal) {
                            source = s.get().text();
                        }
                        Optional<HclValue> v = o.get("version");
                        if (v.isPresent()) {
                            constraint = v.get().text();
                            line = v.get().line();
                        }
                    } else if (p.value() instanceof HclValue.Literal l) {
                        constraint = l.text(); // the legacy form: aws = "~> 5.0"
                    }
                    String runtime = provider(source);
                    int at = line;
                    if (constraint != null) {
                        pinned(constraint).ifPresent(v -> pins.accept(new RuntimePin(runtime, v, path, at,
                                RuntimePin.INFRASTRUCTURE, env)));
                    }
                }
            }
        }
    }

    /** {@code provider "registry.terraform.io/hashicorp/aws" { version = "5.31.0" }} of a lock file. */
    private static void lockPins(String path, HclBody body, Optional<Place> place, Consumer<RuntimePin> pins) {
        String env = pinEnvironment(place);
        for (HclBlock provider : body.blocks("provider")) {
            provider.attribute("version").ifPresent(v -> pinned(v.value().text()).ifPresent(version ->
                    pins.accept(new RuntimePin(provider(provider.label(0).orElse("")), version, path, v.line(),
                            RuntimePin.INFRASTRUCTURE, env))));
        }
    }

    /** The runtime id of a provider: {@code terraform provider hashicorp/aws}, whatever registry host is named. */
    static String provider(String source) {
        String s = source.strip().toLowerCase(Locale.ROOT);
        String[] parts = s.split("/");
        if (parts.length == 3) {
            s = parts[1] + "/" + parts[2];
        } else if (parts.length == 1) {
            s = "hashicorp/" + s;
        }
        return "terraform provider " + s;
    }

    /**
     * What a version constraint pins: an exact version as written ({@code 1.5.7}, {@code = 1.5.7}); the pessimistic
     * {@code ~> 5.0} only its major (5), {@code ~> 5.0.1} its major and minor (5.0). A floor ({@code >= 1.3}) or a
     * range pins nothing: a reusable module states what it works with, not what runs.
     */
    static Optional<String> pinned(String constraint) {
        if (constraint == null || constraint.contains(",")) {
            return Optional.empty();
        }
        String c = constraint.strip();
        if (c.startsWith("~>")) {
            String[] v = c.substring(2).strip().split("\\.");
            if (!v[0].matches("\\d+")) {
                return Optional.empty();
            }
            return Optional.of(v.length <= 2 ? v[0] : v[0] + "." + v[1]);
        }
        if (c.startsWith("=") && !c.startsWith("==")) {
            c = c.substring(1).strip();
        }
        return c.matches("v?\\d+(\\.\\d+)*([-+][\\w.]+)?") ? Optional.of(c.replaceFirst("^v", "")) : Optional.empty();
    }

    /** The known environment among the dot-separated parts of a file name: {@code terraform.prod.tfvars}. */
    private static Optional<String> nameEnv(String fileName) {
        String stem = fileName.replaceFirst("\\.tfvars(\\.json)?$", "");
        for (String part : stem.split("\\.")) {
            if (EnvironmentNames.known(part).isPresent()) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }


    /**
     * A setting's value as compared between environments: a string's content, a number or boolean as written, a
     * heredoc's text; a list or map on one line in one spelling (so that comments, line breaks and a trailing comma
     * are no difference); any other expression as its source text.
     */
    static String text(HclValue v) {
        if (v instanceof HclValue.Literal l) {
            return l.text() == null ? "null" : l.source().startsWith("<<") ? l.text().strip() : l.text();
        }
        return KustomizeOverlays.unquote(render(v));
    }

    private static String render(HclValue v) {
        if (v instanceof HclValue.Literal l && l.kind() == HclValue.Kind.STRING) {
            return l.source().startsWith("<<") ? "\"" + l.text().strip().replace("\n", "\\n") + "\"" : l.source();
        }
        if (v instanceof HclValue.ListValue list) {
            return "[" + String.join(", ", list.items().stream().map(TerraformVars::render).toList()) + "]";
        }
        if (v instanceof HclValue.ObjectValue object) {
            return object.entries().isEmpty() ? "{}" : "{ " + String.join(" ", object.entries().stream()
                    .map(e -> (e.literalKey() && e.key().matches("[A-Za-z_][\\w-]*") ? e.key() : e.literalKey()
                            ? "\"" + e.key() + "\"" : e.key()) + " = " + render(e.value())).toList()) + " }";
        }
        return v.source().replaceAll("\\s+", " ");
    }
}
