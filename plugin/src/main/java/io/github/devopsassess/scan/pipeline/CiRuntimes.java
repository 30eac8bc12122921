package io.github.devopsassess.scan.pipeline;

import java.util.List;

/**
 * Every runtime version and job image the pipelines build with, sorted by path and line. Published as its own fact
 * so that the environment scanner's checks can compare it with the project's pins without depending on the pipeline
 * model.
 *
 * @param runtimes what CI uses
 */
public record CiRuntimes(List<CiRuntime> runtimes) {

    public CiRuntimes {
        runtimes = List.copyOf(runtimes);
    }
}
