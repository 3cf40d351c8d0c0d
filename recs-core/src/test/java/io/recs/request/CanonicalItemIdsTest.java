package io.recs.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CanonicalItemIdsTest {

  @Test
  void returnsTheFirstInstanceOfEachId() {
    CanonicalItemIds ids = new CanonicalItemIds();
    String first = new String("item-1");
    String copy = new String("item-1");

    assertThat(ids.canonical(first)).isSameAs(first);
    assertThat(ids.canonical(copy)).isSameAs(first);
    assertThat(ids.canonical("item-2")).isEqualTo("item-2");
    assertThat(ids.size()).isEqualTo(2);
  }
}
