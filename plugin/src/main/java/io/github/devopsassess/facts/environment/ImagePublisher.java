package io.github.devopsassess.facts.environment;

import java.util.Locale;
import java.util.Set;

/**
 * Who publishes an image, from its name: an official Docker Hub library image ({@code eclipse-temurin},
 * {@code library/nginx}), a known organisation ({@code bitnami/redis}, {@code grafana/grafana}, any
 * {@code ghcr.io}/{@code quay.io}/{@code gcr.io} organisation or a vendor registry), or a personal namespace on
 * Docker Hub ({@code someuser/tool}), where one person can push anything under the same tag. Personal namespaces are
 * recognised on Docker Hub only: on another registry the namespace says nothing certain.
 */
public enum ImagePublisher {
    OFFICIAL,
    ORGANISATION,
    /** A Docker Hub namespace that is neither the library nor a known organisation: likely one person's account. */
    PERSONAL,
    /** A registry of its own (a company's registry, ECR, ACR): the team's or the vendor's own images. */
    REGISTRY;

    /** Docker Hub namespaces of organisations and vendors that publish images for others. */
    private static final Set<String> ORGANISATIONS = Set.of("bitnami", "grafana", "prom", "hashicorp", "docker",
            "circleci", "cimg", "gitlab", "jetbrains", "amazon", "amazonlinux", "google", "mcr", "microsoft",
            "mysql", "mongodb", "confluentinc", "elastic", "jenkins", "jenkinsci", "sonarsource", "atlassian",
            "redhat", "openshift", "rancher", "traefik", "envoyproxy", "istio", "localstack", "testcontainers",
            "selenium", "cypress", "curlimages", "alpine", "library", "datadog", "newrelic",
            "sentry", "getsentry", "minio", "nginxinc", "pulumi", "aquasec", "anchore", "snyk",
            "renovate", "dependabot", "node", "python", "golang", "openjdk", "eclipse", "apache", "kong",
            "gradle", "maven", "ubuntu", "debian", "fedora", "centos", "busybox", "cockroachdb", "timberio",
            "fluent", "jaegertracing", "otel", "openpolicyagent", "bats", "koalaman", "hadolint", "goreleaser",
            "pactfoundation", "wiremock", "postgis", "dpage", "adminer", "portainer", "linuxserver");

    /** The publisher of {@code [registry/]name[:tag][@digest]} or of a repository without tag. */
    public static ImagePublisher of(String repository) {
        String r = repository.toLowerCase(Locale.ROOT);
        int at = r.indexOf('@');
        if (at >= 0) {
            r = r.substring(0, at);
        }
        int colon = r.lastIndexOf(':');
        if (colon > r.lastIndexOf('/')) {
            r = r.substring(0, colon);
        }
        String[] parts = r.split("/");
        boolean registry = parts.length > 1 && (parts[0].contains(".") || parts[0].contains(":")
                || parts[0].equals("localhost"));
        if (registry) {
            if (parts[0].equals("docker.io") || parts[0].equals("index.docker.io")
                    || parts[0].equals("registry-1.docker.io")) {
                String[] rest = java.util.Arrays.copyOfRange(parts, 1, parts.length);
                return of(String.join("/", rest));
            }
            return parts.length > 2 || parts[0].endsWith("ghcr.io") || parts[0].endsWith("quay.io")
                    || parts[0].endsWith("gcr.io") || parts[0].endsWith("mcr.microsoft.com")
                    || parts[0].endsWith("public.ecr.aws") ? ORGANISATION : REGISTRY;
        }
        if (parts.length == 1 || parts[0].equals("library")) {
            return OFFICIAL;
        }
        return ORGANISATIONS.contains(parts[0]) ? ORGANISATION : PERSONAL;
    }
}
