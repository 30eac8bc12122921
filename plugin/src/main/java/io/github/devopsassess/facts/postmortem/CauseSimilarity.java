package io.github.devopsassess.facts.postmortem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds postmortems about the same cause: TF-IDF vectors over each postmortem's title and root-cause (contributing
 * factor) sections, cosine similarity between every pair, and clusters of postmortems linked by a similarity at or
 * above a threshold. Each cluster is explained by the terms its postmortems share most, so a reader can judge the
 * match instead of trusting a number. The title is included because it names the symptom ("logs not shipped to
 * CloudWatch"), which is what recurs even when each write-up words the causes differently. A shared title alone
 * does not link two postmortems: judges of real reports found "All services returning 503" three times with three
 * different causes, each write-up saying so.
 */
public final class CauseSimilarity {

    /** Words that occur in every postmortem and say nothing about a particular cause. */
    private static final Set<String> GENERIC = Set.of("incident", "issue", "problem", "postmortem", "mortem", "post",
            "cause", "root", "contributing", "factor", "due", "result", "resulted", "because", "also", "more",
            "some", "any", "being", "been", "were", "which", "while", "during", "into", "onto", "very", "well",
            "not", "our", "we", "they", "them", "there", "here", "time", "times", "other", "such", "way", "made",
            "make", "like", "still", "just", "only", "one", "two", "three", "what", "when", "where", "who", "how",
            "why", "that", "this", "these", "those", "with", "from", "for", "and", "the", "has", "have", "had", "was",
            "are", "is", "its", "it's", "can", "could", "should", "would", "will", "did", "does", "but", "all",
            "out", "get", "got", "new", "use", "used", "using", "didn", "don", "isn", "wasn", "then", "than",
            "after", "before", "about", "over", "under", "between", "through", "same", "each", "every", "few");

    private CauseSimilarity() {
    }

    /**
     * A cluster of postmortems with a similar cause.
     *
     * @param paths the postmortems, sorted
     * @param similarity the highest pairwise similarity inside the cluster
     * @param sharedTerms the terms that make them similar, strongest first (stemmed forms)
     */
    public record Cluster(List<String> paths, double similarity, List<String> sharedTerms) {
        public Cluster {
            paths = List.copyOf(paths);
            sharedTerms = List.copyOf(sharedTerms);
        }
    }

    /** The text compared for one postmortem: its title and cause sections. */
    public static String causeText(Postmortem pm) {
        return pm.title() + "\n" + pm.text(SectionKind.CAUSE);
    }

    /** Clusters of two or more postmortems whose cause texts are at least {@code threshold} similar. */
    public static List<Cluster> clusters(List<Postmortem> postmortems, double threshold) {
        List<Postmortem> sorted = postmortems.stream().sorted(Comparator.comparing(Postmortem::path)).toList();
        return link(sorted, tfidf(sorted.stream().map(p -> terms(causeText(p))).toList()), threshold);
    }

    /** Single-linkage clusters of the documents whose vectors are at least {@code threshold} similar. */
    private static List<Cluster> link(List<Postmortem> sorted, List<Map<String, Double>> vectors, double threshold) {
        int n = sorted.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sim[i][j] = cosine(vectors.get(i), vectors.get(j));
                if (sim[i][j] >= threshold) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<Cluster> out = new ArrayList<>();
        for (List<Integer> members : groups.values()) {
            if (members.size() < 2) {
                continue;
            }
            double best = 0;
            for (int a : members) {
                for (int b : members) {
                    if (a < b) {
                        best = Math.max(best, sim[a][b]);
                    }
                }
            }
            out.add(new Cluster(members.stream().map(i -> sorted.get(i).path()).toList(),
                    Math.round(best * 100) / 100.0, sharedTerms(members, vectors)));
        }
        out.sort(Comparator.comparing((Cluster c) -> c.paths().get(0)));
        return out;
    }

    /**
     * Clusters of two or more postmortems whose titles — the symptom the incident was named after ("All services
     * returning 503 in Kubernetes") — are at least {@code threshold} similar. Status codes and other numbers in a
     * title count, so a 503 and a 404 outage are not the same symptom.
     */
    public static List<Cluster> symptomClusters(List<Postmortem> postmortems, double threshold) {
        List<Postmortem> sorted = postmortems.stream().filter(p -> p.title() != null && !p.title().isBlank())
                .sorted(Comparator.comparing(Postmortem::path)).toList();
        return link(sorted, tfidf(sorted.stream().map(p -> terms(p.title(), true)).toList()), threshold);
    }

    /** Cosine similarity of two postmortems' cause texts, for tests and explanations. */
    public static double similarity(Postmortem a, Postmortem b) {
        List<Map<String, Double>> v = tfidf(List.of(terms(causeText(a)), terms(causeText(b))));
        return cosine(v.get(0), v.get(1));
    }

    private static List<String> sharedTerms(List<Integer> members, List<Map<String, Double>> vectors) {
        Map<String, Double> score = new HashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (int m : members) {
            vectors.get(m).forEach((term, weight) -> {
                score.merge(term, weight, Double::sum);
                count.merge(term, 1, Integer::sum);
            });
        }
        return score.entrySet().stream().filter(e -> count.get(e.getKey()) >= 2)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(6).map(Map.Entry::getKey).toList();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The distinct terms of a text, as compared by similarity. */
    public static Set<String> termsOf(String text) {
        return terms(text).keySet();
    }

    /** Term counts of a text: lower-cased words of three or more letters, generic words dropped, lightly stemmed. */
    static Map<String, Integer> terms(String text) {
        return terms(text, false);
    }

    /** Term counts, with numbers of three or more digits (status codes, ports) kept when {@code numbers}. */
    static Map<String, Integer> terms(String text, boolean numbers) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3 || GENERIC.contains(word) || EnglishText.STOP_WORDS.contains(word)
                    || !numbers && word.chars().allMatch(Character::isDigit)) {
                continue;
            }
            String stem = stem(word);
            if (!GENERIC.contains(stem)) {
                counts.merge(stem, 1, Integer::sum);
            }
        }
        return counts;
    }

    /** A deliberately light stemmer: plural and verb endings only, so shared terms stay readable. */
    static String stem(String word) {
        String w = word;
        if (w.endsWith("ies") && w.length() > 4) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("ing") && w.length() > 5) {
            w = w.substring(0, w.length() - 3);
        } else if (w.endsWith("ed") && w.length() > 4) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("es") && w.length() > 4 && (w.endsWith("ses") || w.endsWith("xes"))) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() > 3 && w.charAt(w.length() - 1) == w.charAt(w.length() - 2)
                && "bdgmnprt".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(0, w.length() - 1); // shipped → shipp → ship
        }
        return w;
    }

    private static List<Map<String, Double>> tfidf(List<Map<String, Integer>> docs) {
        Map<String, Integer> df = new HashMap<>();
        for (Map<String, Integer> d : docs) {
            d.keySet().forEach(t -> df.merge(t, 1, Integer::sum));
        }
        int n = docs.size();
        List<Map<String, Double>> out = new ArrayList<>();
        for (Map<String, Integer> d : docs) {
            Map<String, Double> v = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : d.entrySet()) {
                double tf = 1 + Math.log(e.getValue());
                double idf = Math.log((1.0 + n) / (1.0 + df.get(e.getKey()))) + 1; // smoothed, as in scikit-learn
                v.put(e.getKey(), tf * idf);
            }
            out.add(v);
        }
        return out;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (String t : new TreeSet<>(a.keySet())) {
            Double w = b.get(t);
            if (w != null) {
                dot += a.get(t) * w;
            }
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(x -> x * x).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(x -> x * x).sum());
        return na == 0 || nb == 0 ? 0 : dot / (na * nb);
    }
}
