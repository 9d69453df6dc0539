/**
 * The scenario file format: immutable records ({@link dev.scrying.scenarios.format.Scenario}, sealed
 * {@link dev.scrying.scenarios.format.Step} and {@link dev.scrying.scenarios.format.Expectation}
 * families) and {@link dev.scrying.scenarios.format.ScenarioLoader}, which validates YAML against the
 * bundled JSON Schema and reports problems with file, line and reason. See docs/SCENARIOS.md.
 */
package dev.scrying.scenarios.format;
