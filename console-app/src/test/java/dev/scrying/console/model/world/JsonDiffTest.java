package dev.scrying.console.model.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.experiences.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

  @Test
  void takingABottleIsOneRemovalNotAShiftOfEveryItem() {
    var before = Json.parse("{\"items\":[{\"instance_id\":\"a\"},{\"instance_id\":\"b\",\"v\":1}]}");
    var after = Json.parse("{\"items\":[{\"instance_id\":\"b\",\"v\":1}]}");

    List<PathChange> d = JsonDiff.between(before, after);
    assertThat(d).containsExactly(new PathChange(PathChange.Kind.REMOVED, "/items/0", "items[a]", "{\"instance_id\":\"a\"}", ""));
  }

  @Test
  void findsTheSmallestChangedValues() {
    var before = Json.parse("{\"g\":{\"found\":0,\"open\":true},\"list\":[1,2]}");
    var after = Json.parse("{\"g\":{\"found\":1,\"new\":\"x\"},\"list\":[1,3,4]}");

    assertThat(JsonDiff.between(before, after)).containsExactlyInAnyOrder(
        new PathChange(PathChange.Kind.CHANGED, "/g/found", "g.found", "0", "1"),
        new PathChange(PathChange.Kind.REMOVED, "/g/open", "g.open", "true", ""),
        new PathChange(PathChange.Kind.ADDED, "/g/new", "g.new", "", "x"),
        new PathChange(PathChange.Kind.CHANGED, "/list/1", "list[1]", "2", "3"),
        new PathChange(PathChange.Kind.ADDED, "/list/2", "list[2]", "", "4"));
  }

  @Test
  void touchedPointersAreTheChangesAndTheirAncestorsWithRemovalsAtTheirParent() {
    var changes = List.of(new PathChange(PathChange.Kind.REMOVED, "/locations/shop/spots/s3/items/0", "", "", ""),
        new PathChange(PathChange.Kind.CHANGED, "/global_state/found", "", "0", "1"));
    assertThat(JsonDiff.touchedPointers(changes)).containsExactlyInAnyOrder("/locations/shop/spots/s3/items",
        "/locations/shop/spots/s3", "/locations/shop/spots", "/locations/shop", "/locations", "",
        "/global_state/found", "/global_state");
  }

  @Test
  void keysAreEscapedAsJsonPointers() {
    assertThat(JsonDiff.escape("a/b~c")).isEqualTo("a~1b~0c");
  }
}
