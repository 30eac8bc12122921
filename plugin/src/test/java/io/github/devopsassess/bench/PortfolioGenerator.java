package io.github.devopsassess.bench;

import io.github.devopsassess.output.StableJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes many realistic {@code assessment.json} files for {@code bench/portfolio.sh}, as a CI matrix leaves them (one
 * folder per repository): each is the template (a real assessment, normally the sample project's) with its own name,
 * date, owning team, area and overall scores, level, and a share of the template's findings (0.3 to 1.6 times as
 * many, so sizes vary around the template's). Teams have skewed sizes, as in an organisation: a few large, many small;
 * one repository in twenty names no owner. One in ten gets a published {@code site/index.html} beside it. Not a test.
 *
 * <pre>
 * PortfolioGenerator &lt;template assessment.json&gt; &lt;output folder&gt; [count, default 1000] [seed, default 1]
 *     [skip, default 0: the first repositories left out, so that a second run has removed and new ones]
 * </pre>
 */
public final class PortfolioGenerator {

    private static final int TEAMS = 60;

    private PortfolioGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PortfolioGenerator <template assessment.json> <output folder> [count] [seed]"
                    + " [skip]");
            System.exit(2);
        }
        Path template = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        int skip = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        ObjectMapper mapper = StableJson.newMapper();
        JsonNode base = mapper.readTree(template.toFile());
        ArrayNode findings = (ArrayNode) base.get("findings");
        long bytes = 0;
        for (int i = skip; i < count + skip; i++) {
            // a repository keeps its team and its level of maturity from run to run; the seed moves its scores a bit
            Random stable = new Random(i * 7919L);
            Random noise = new Random(seed * 1_000_003L + i);
            String name = String.format("repo-%04d", i);
            int team = (int) Math.floor(Math.pow(stable.nextDouble(), 2.2) * TEAMS);
            boolean owned = stable.nextInt(20) != 0;
            int maturity = 15 + stable.nextInt(70);
            ObjectNode a = base.deepCopy();
            ObjectNode subject = (ObjectNode) a.get("subject");
            subject.put("name", name);
            subject.put("date", String.format("2026-%02d-%02dT06:00:00Z", 1 + (int) (seed % 12), 1 + i % 28));
            ArrayNode owners = subject.putArray("owners");
            if (owned) {
                owners.add(String.format("@acme/team-%02d", team));
            }
            int total = 0;
            int weights = 0;
            for (JsonNode area : a.get("areas")) {
                ObjectNode o = (ObjectNode) area;
                if (!o.path("assessed").asBoolean()) {
                    continue;
                }
                int s = clamp(maturity + (int) Math.round(noise.nextGaussian() * 18));
                o.put("score", s);
                o.put("level", level(s));
                int w = Math.max(1, o.path("weight").asInt(1));
                total += s * w;
                weights += w;
            }
            Integer score = weights == 0 ? null : Math.round((float) total / weights);
            if (score == null) {
                a.putNull("score");
                a.putNull("level");
            } else {
                a.put("score", score);
                a.put("level", level(score));
            }
            ArrayNode kept = a.putArray("findings");
            double share = 0.3 + 1.3 * (100 - (score == null ? 50 : score)) / 100.0;
            List<JsonNode> pool = new ArrayList<>();
            findings.forEach(pool::add);
            int wanted = (int) Math.round(pool.size() * share);
            for (int k = 0; k < wanted && !pool.isEmpty(); k++) {
                ObjectNode f = pool.get(k % pool.size()).deepCopy();
                if (k >= pool.size()) {
                    f.put("fingerprint", String.format("%016x", noise.nextLong()));
                    f.put("subject", f.path("subject").asText() + "#" + k);
                }
                kept.add(f);
            }
            Path dir = out.resolve(name);
            Files.createDirectories(dir);
            byte[] json = (mapper.writeValueAsString(a) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Files.write(dir.resolve("assessment.json"), json);
            bytes += json.length;
            if (stable.nextInt(10) == 0) {
                Files.createDirectories(dir.resolve("site"));
                Files.writeString(dir.resolve("site/index.html"), "<!DOCTYPE html><html><head><title>" + name
                        + "</title></head><body><h1>" + name + "</h1></body></html>\n");
            }
        }
        System.out.printf("generated %d assessments in %s, %.1f MB (%.0f KB each on average)%n", count, out,
                bytes / 1e6, bytes / 1e3 / count);
    }

    private static int clamp(int s) {
        return Math.max(0, Math.min(100, s));
    }

    /** The default rubric's minimum scores. */
    private static String level(int s) {
        return s >= 90 ? "optimizing" : s >= 75 ? "measured" : s >= 60 ? "defined" : s >= 40 ? "managed" : "initial";
    }
}
