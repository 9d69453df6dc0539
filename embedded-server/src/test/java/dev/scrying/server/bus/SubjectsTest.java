package dev.scrying.server.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubjectsTest {

  @Test
  void worldUpdatesSubjectForAValidUser() {
    assertThat(Subjects.worldUpdates("alice_01")).isEqualTo("world.updates.user.alice_01");
    assertThat(Subjects.worldUpdates("Bob-2")).isEqualTo("world.updates.user.Bob-2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "*", ">", "a b", "", "a\tb", "a\nb", "-lead", "_lead", "a>", "x*",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
  void rejectsIdsThatCouldAddALevelOrAWildcard(String userId) {
    assertThatThrownBy(() -> Subjects.worldUpdates(userId)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> Subjects.worldUpdates(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".", "a.", ".a", "a..b", "a.*", "a.>", "a b", "a.b\u00a0c", "a\u0000"})
  void subscriptionsNeedExactSubjects(String subject) {
    assertThat(Subjects.isExact(subject)).isFalse();
    try (LocalBus bus = new LocalBus()) {
      assertThatThrownBy(() -> bus.subscribe(subject, p -> { })).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void exactSubjects() {
    assertThat(Subjects.isExact("world.updates.user.alice_01")).isTrue();
    assertThat(Subjects.isExact("a")).isTrue();
  }
}
