package io.github.devopsassess.check.environment;

import io.github.devopsassess.model.Judgement;
import io.github.devopsassess.model.Evidence;
import io.github.devopsassess.facts.Facts;
import io.github.devopsassess.rubric.CheckSettings;
import io.github.devopsassess.facts.environment.DevSetup;
import io.github.devopsassess.facts.environment.EnvironmentDefinition;
import io.github.devopsassess.facts.environment.EnvironmentFacts;
import io.github.devopsassess.facts.environment.EnvironmentNames;

import java.util.List;
import java.util.Optional;

/**
 * {@code dev-environment-as-code}: production is defined in the repository but the development environment is not —
 * no dev container, compose file, Vagrant or Gitpod set-up, no README section on running locally, and no
 * development overlay of a deployment tool. Development then lives on each developer's machine, differently each
 * time.
 */
public final class DevEnvironmentAsCodeCheck extends EnvironmentCheck {

    public static final String ID = "dev-environment-as-code";

    @Override
    public String id() {
        return ID;
    }

    @Override
    protected Judgement judge(EnvironmentFacts env, Facts facts, CheckSettings settings) {
        Optional<EnvironmentDefinition> production = env.definitions().stream()
                .filter(d -> d.environment().equals(EnvironmentNames.PRODUCTION) && !d.system().equals("dotenv"))
                .findFirst();
        if (production.isEmpty()) {
            return Judgement.inapplicable("production is not defined in this repository");
        }
        if (!env.devSetups().isEmpty()) {
            DevSetup s = env.devSetups().get(0);
            return Judgement.clean("development environment as code: " + s.kind() + " " + s.path());
        }
        Optional<EnvironmentDefinition> devDeployment = env.definitions().stream()
                .filter(d -> d.environment().equals(EnvironmentNames.DEVELOPMENT)
                        && EnvironmentGroups.DEPLOYMENT_SYSTEMS.contains(d.system()))
                .findFirst();
        if (devDeployment.isPresent()) {
            return Judgement.clean("development environment defined with " + devDeployment.get().system() + " in "
                    + devDeployment.get().path());
        }
        EnvironmentDefinition p = production.get();
        return Judgement.of(List.of(settings.fail("Production is defined in " + p.path() + " (" + p.system()
                        + "), but nothing "
                        + "in the repository sets up a development environment: each developer's machine differs, "
                        + "and production is where a configuration is first tried.", "development environment",
                        List.of(EnvironmentGroups.at(p, "production defined with " + p.system()),
                                Evidence.note("looked for .devcontainer/devcontainer.json, compose.yaml, "
                                        + "docker-compose*.yml, Vagrantfile, .gitpod.yml, devbox.json, Tiltfile, "
                                        + "skaffold.yaml, a README section on local setup, and development "
                                        + "overlays of kustomize, Helm or Terraform")))), 0,
                "production is defined as code, development is not");
    }
}
