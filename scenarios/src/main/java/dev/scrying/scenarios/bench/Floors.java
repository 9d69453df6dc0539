package dev.scrying.scenarios.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Floors measured on another thread during a run's measured window, for as long as it lasts. */
@FunctionalInterface
interface Floors {
  ObjectNode measure(long seconds) throws Exception;

  static Floors none() {
    return seconds -> null;
  }
}
