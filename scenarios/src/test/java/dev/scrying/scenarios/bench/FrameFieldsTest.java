package dev.scrying.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameFieldsTest {
  @Test
  void readsTheMeasuredFieldsAndSkipsTheChanges() {
    Map<String, String> f = FrameFields.read("{\"type\":\"world_update\",\"base_version\":4,\"snapshot_version\":5,"
        + "\"changes\":[{\"operation\":\"remove\",\"item\":{\"instance_id\":\"x\",\"trace\":{\"received\":9}}}],"
        + "\"metadata\":{\"actor\":\"ann\",\"request_id\":\"r-1\",\"trace\":{\"received\":10,\"published\":12},\"extra\":[1]}}");
    assertThat(f).containsEntry("type", "world_update").containsEntry("metadata.actor", "ann")
        .containsEntry("metadata.request_id", "r-1").containsEntry("metadata.trace.received", "10")
        .doesNotContainKey("changes").doesNotContainKey("metadata.extra");
    assertThat(FrameFields.number(f, "snapshot_version")).isEqualTo(5);
    assertThat(FrameFields.number(f, "metadata.trace.applied")).isZero();
    assertThat(FrameFields.read("{not json").get("type")).isEqualTo("unreadable");
  }
}
