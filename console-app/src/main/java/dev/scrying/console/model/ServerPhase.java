package dev.scrying.console.model;

/** Where the console's server is in its life: the view shows a different centre for each. */
public enum ServerPhase {
  STARTING,
  RUNNING,
  FAILED,
  STOPPED
}
