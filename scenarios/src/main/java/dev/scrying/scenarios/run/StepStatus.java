package dev.scrying.scenarios.run;

/** The verdict on one step. */
public enum StepStatus { PASSED, FAILED, SKIPPED }
