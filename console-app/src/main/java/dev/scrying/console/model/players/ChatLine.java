package dev.scrying.console.model.players;

/** One SSE frame of a chat exchange as it arrived: its type, a short text, and milliseconds since the message was sent. */
public record ChatLine(String type, String text, double atMs) {}
