package dev.scrying.console.model;

/** The world as of one durable version, already rendered as indented JSON for display. */
public record WorldSnapshot(long version, String json) {}
