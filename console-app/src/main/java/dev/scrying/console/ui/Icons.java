package dev.scrying.console.ui;

import dev.scrying.console.model.Page;
import dev.scrying.console.model.stream.Source;
import dev.scrying.console.model.world.WorldNode;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The one place that picks an icon for each page, node kind and event source, so they stay consistent. */
public final class Icons {
  private Icons() {}

  public static Ikon of(Page page) {
    return switch (page) {
      case WORLD -> Material2AL.ACCOUNT_TREE;
      case STREAM -> Material2MZ.VIEW_STREAM;
      case PLAYERS -> Material2MZ.PEOPLE;
      case MIRROR -> Material2MZ.PANORAMA_FISH_EYE;
      case LATENCY -> Material2MZ.SPEED;
      case HISTORY -> Material2AL.HISTORY;
      case SCENARIOS -> Material2MZ.PLAYLIST_PLAY;
      case REHEARSE -> Material2AL.FLASH_ON;
    };
  }

  public static Ikon of(WorldNode.Kind kind) {
    return switch (kind) {
      case ROOT -> Material2MZ.PUBLIC;
      case SECTION -> Material2AL.FOLDER_OPEN;
      case ZONE -> Material2MZ.STOREFRONT;
      case AREA -> Material2MZ.MEETING_ROOM;
      case SPOT -> Material2MZ.PLACE;
      case ITEM -> Material2AL.LOCAL_DRINK;
      case NPC -> Material2AL.FACE;
      case FIELD -> Material2MZ.REMOVE;
    };
  }

  public static Ikon of(Source source) {
    return switch (source) {
      case SERVER -> Material2AL.DNS;
      case NATS -> Material2AL.DEVICE_HUB;
      case WEBSOCKET -> Material2MZ.SWAP_HORIZ;
      case CHAT -> Material2AL.CHAT;
      case EVENTS -> Material2MZ.RSS_FEED;
      case HTTP -> Material2AL.HTTP;
      case CONSOLE -> Material2AL.KEYBOARD;
    };
  }
}
