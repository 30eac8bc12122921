package io.github.devopsassess.scan;

import io.github.devopsassess.scan.alerting.AlertScanner;
import io.github.devopsassess.scan.build.BuildModuleScanner;
import io.github.devopsassess.scan.build.ModuleTestsScanner;
import io.github.devopsassess.scan.custom.CustomFilesScanner;
import io.github.devopsassess.scan.environment.CiRuntimePinsScanner;
import io.github.devopsassess.scan.environment.EnvironmentScanner;
import io.github.devopsassess.scan.environment.WorkloadResponsesScanner;
import io.github.devopsassess.scan.history.HistoryScanner;
import io.github.devopsassess.scan.migrations.MigrationScanner;
import io.github.devopsassess.scan.oncall.OnCallScanner;
import io.github.devopsassess.scan.ownership.AccessSettingsScanner;
import io.github.devopsassess.scan.ownership.OwnershipScanner;
import io.github.devopsassess.scan.pipeline.PipelineScanner;
import io.github.devopsassess.scan.postmortem.PostmortemScanner;
import io.github.devopsassess.scan.process.ChangeFreezeScanner;
import io.github.devopsassess.scan.process.ReleaseNotesScanner;
import io.github.devopsassess.scan.supplychain.RemoteSourceScanner;
import io.github.devopsassess.scan.supplychain.SupplyChainScanner;

import java.util.ArrayList;
import java.util.List;

/** The scanners of this version, in the order they run. One line each, so that additions merge cleanly. */
public final class Scanners {

    private Scanners() {
    }

    public static List<Scanner> all() {
        List<Scanner> scanners = new ArrayList<>();
        scanners.add(new TreeScanner());
        scanners.add(new HistoryScanner());
        scanners.add(new PipelineScanner());
        scanners.add(new CiRuntimePinsScanner()); // after the pipelines, before the environments that compare
        scanners.add(new EnvironmentScanner());
        scanners.add(new WorkloadResponsesScanner()); // after the environments and pipelines it reads
        scanners.add(new OnCallScanner());
        scanners.add(new OwnershipScanner());
        scanners.add(new AccessSettingsScanner());
        scanners.add(new PostmortemScanner());
        scanners.add(new AlertScanner());
        scanners.add(new MigrationScanner());
        scanners.add(new SupplyChainScanner());
        scanners.add(new RemoteSourceScanner());
        scanners.add(new ChangeFreezeScanner());
        scanners.add(new ReleaseNotesScanner());
        scanners.add(new BuildModuleScanner());
        scanners.add(new ModuleTestsScanner()); // after the pipelines, whose test steps it reads
        scanners.add(new CustomFilesScanner());
        return List.copyOf(scanners);
    }
}
