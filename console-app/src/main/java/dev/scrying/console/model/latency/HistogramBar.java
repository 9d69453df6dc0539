package dev.scrying.console.model.latency;

/** One bar of a latency histogram: samples between {@code fromMs} (inclusive) and {@code toMs}. */
public record HistogramBar(double fromMs, double toMs, long count) {}
