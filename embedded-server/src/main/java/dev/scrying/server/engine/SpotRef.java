package dev.scrying.server.engine;

/** A spot's full address in the world. */
public record SpotRef(String zone, String area, String spot) {}
