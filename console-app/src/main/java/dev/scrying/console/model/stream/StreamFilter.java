package dev.scrying.console.model.stream;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which rows the stream shows: sources (all when empty), one player and one type ("" for any), and
 * free text matched case-insensitively against player, type, summary and the raw JSON. Immutable.
 */
public record StreamFilter(Set<Source> sources, String player, String type, String text) {
  public static final StreamFilter ALL = new StreamFilter(EnumSet.noneOf(Source.class), "", "", "");

  public StreamFilter {
    sources = sources.isEmpty() ? Set.of() : Set.copyOf(sources);
    text = text.strip().toLowerCase(Locale.ROOT);
  }

  public boolean matches(StreamEvent e) {
    return (sources.isEmpty() || sources.contains(e.source()))
        && (player.isEmpty() || player.equals(e.player()))
        && (type.isEmpty() || type.equals(e.type()))
        && (text.isEmpty() || contains(e.summary()) || contains(e.player()) || contains(e.type()) || contains(e.json()));
  }

  private boolean contains(String field) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(text);
  }

  public StreamFilter withSources(Set<Source> s) {
    return new StreamFilter(s, player, type, text);
  }

  public StreamFilter withPlayer(String p) {
    return new StreamFilter(sources, p, type, text);
  }

  public StreamFilter withType(String t) {
    return new StreamFilter(sources, player, t, text);
  }

  public StreamFilter withText(String t) {
    return new StreamFilter(sources, player, type, t);
  }

  public boolean isAll() {
    return sources.isEmpty() && player.isEmpty() && type.isEmpty() && text.isEmpty();
  }
}
