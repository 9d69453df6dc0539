package dev.scrying.console.model.mirror;

/** An item as the mirror draws it: its glow colour and symbol come from the item's state, when it has them. */
public record ItemView(String id, String name, String glowColor, String symbol) {}
