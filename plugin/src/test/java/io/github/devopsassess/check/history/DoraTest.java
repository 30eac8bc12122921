package io.github.devopsassess.check.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devopsassess.check.history.Dora.Level;

import org.junit.jupiter.api.Test;

/** The DORA boundaries, 2023 (default) and 2021. */
class DoraTest {

    @Test
    void deploymentFrequency() {
        assertThat(Dora.deploymentFrequency(2.0, 2023)).isEqualTo(Level.ELITE);
        assertThat(Dora.deploymentFrequency(1 / 3.0, 2023)).isEqualTo(Level.HIGH);
        assertThat(Dora.deploymentFrequency(1 / 14.0, 2023)).isEqualTo(Level.MEDIUM);
        assertThat(Dora.deploymentFrequency(1 / 60.0, 2023)).isEqualTo(Level.LOW);
        assertThat(Dora.deploymentFrequency(1 / 14.0, 2021)).isEqualTo(Level.HIGH);
        assertThat(Dora.deploymentFrequency(1 / 60.0, 2021)).isEqualTo(Level.MEDIUM);
        assertThat(Dora.deploymentFrequency(1 / 365.0, 2021)).isEqualTo(Level.LOW);
    }

    @Test
    void leadTime() {
        assertThat(Dora.leadTime(5, 2023)).isEqualTo(Level.ELITE);
        assertThat(Dora.leadTime(72, 2023)).isEqualTo(Level.HIGH);
        assertThat(Dora.leadTime(24 * 14, 2023)).isEqualTo(Level.MEDIUM);
        assertThat(Dora.leadTime(24 * 60, 2023)).isEqualTo(Level.LOW);
        assertThat(Dora.leadTime(5, 2021)).isEqualTo(Level.HIGH);
        assertThat(Dora.leadTime(0.5, 2021)).isEqualTo(Level.ELITE);
        assertThat(Dora.leadTime(24 * 60, 2021)).isEqualTo(Level.MEDIUM);
    }

    @Test
    void changeFailureRate() {
        assertThat(Dora.changeFailureRate(0.05, 2023)).isEqualTo(Level.ELITE);
        assertThat(Dora.changeFailureRate(0.08, 2023)).isEqualTo(Level.HIGH);
        assertThat(Dora.changeFailureRate(0.12, 2023)).isEqualTo(Level.MEDIUM);
        assertThat(Dora.changeFailureRate(0.40, 2023)).isEqualTo(Level.LOW);
        assertThat(Dora.changeFailureRate(0.12, 2021)).isEqualTo(Level.ELITE);
        assertThat(Dora.changeFailureRate(0.40, 2021)).isEqualTo(Level.LOW);
    }
}
