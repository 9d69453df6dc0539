package dev.scrying.console.model.mirror;

/** An item that was in the mirror and is gone after a delta, with where it was, so the view can animate it away. */
public record VanishedItem(ItemView item, String spotId, int slot) {}
