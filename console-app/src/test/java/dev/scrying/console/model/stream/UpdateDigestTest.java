package dev.scrying.console.model.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scrying.console.model.ChangeSummary;
import dev.scrying.experiences.Json;
import org.junit.jupiter.api.Test;

class UpdateDigestTest {
  private static final String UPDATE = "{\"type\":\"world_update\",\"version\":\"0.4\",\"base_version\":11,"
      + "\"snapshot_version\":12,\"changes\":[{\"operation\":\"remove\",\"area_id\":\"main_room\",\"spot_id\":\"spot_3\","
      + "\"instance_id\":\"bottle_joy\"},{\"operation\":\"add\",\"instance_id\":\"bottle_joy\",\"area_id\":null,"
      + "\"path\":\"player.inventory\",\"item\":{\"instance_id\":\"bottle_joy\",\"state\":{\"glow_color\":\"golden\"}}},"
      + "{\"operation\":\"update\",\"path\":\"global_state.dream_bottles_found\",\"value\":1},"
      + "{\"operation\":\"update\",\"area_id\":\"main_room\",\"spot_id\":\"fairy_door_main\",\"npc_id\":\"louisa\","
      + "\"npc\":{\"name\":\"Louisa\"}}],\"metadata\":{\"trace\":{\"received\":1},\"trace_id\":\"t-1\",\"actor\":\"alice\"}}";

  @Test
  void readsWhatTheStreamNeedsWithoutBuildingATree() {
    UpdateDigest d = UpdateDigest.of(UPDATE);
    assertThat(d.type()).isEqualTo("world_update");
    assertThat(d.baseVersion()).isEqualTo(11);
    assertThat(d.snapshotVersion()).isEqualTo(12);
    assertThat(d.traceId()).isEqualTo("t-1");
    assertThat(d.summary()).isEqualTo("v11→v12 · bottle_joy left spot_3, inventory + bottle_joy, "
        + "global_state.dream_bottles_found = 1, +1 more");
  }

  @Test
  void wordsChangesExactlyAsTheTreeSummaryDoes() {
    var tree = Json.parse(UPDATE);
    assertThat(UpdateDigest.of(UPDATE).summary()).isEqualTo(StreamEvents.worldUpdateSummary(tree));
    assertThat(ChangeSummary.of(tree.path("changes"))).endsWith("+1 more");
  }

  @Test
  void somethingElseIsJustAMessage() {
    assertThat(UpdateDigest.of("not json").type()).isEqualTo("message");
    assertThat(UpdateDigest.of("[1,2]").type()).isEqualTo("message");
  }
}
