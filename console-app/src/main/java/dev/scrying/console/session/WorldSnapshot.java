package dev.scrying.console.session;

import com.fasterxml.jackson.databind.JsonNode;

/** The world as of one durable version. The tree is the console's own copy: read it, never change it. */
public record WorldSnapshot(long version, JsonNode world) {}
