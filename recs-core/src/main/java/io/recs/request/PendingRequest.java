package io.recs.request;

import java.util.Arrays;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * The messages of one request received so far at the ranking stage, kept in keyed state until the
 * request is complete (every {@link SeedPart} arrived) or, for a final request, until the end of
 * input. Serialized by {@link PendingRequestSerializer}.
 */
@Internal
@TypeInfo(PendingRequestSerializer.Factory.class)
public final class PendingRequest {
  private RequestMessage[] messages;
  private int received;

  /** A request of which nothing has arrived. */
  public PendingRequest() {
    this(new RequestMessage[0], 0);
  }

  PendingRequest(RequestMessage[] messages, int received) {
    this.messages = messages;
    this.received = received;
  }

  /** A request of one message. */
  static PendingRequest of(RequestMessage message) {
    return new PendingRequest(new RequestMessage[] {message}, 1);
  }

  /** Adds a message. */
  public void add(RequestMessage message) {
    if (received == messages.length) {
      messages =
          Arrays.copyOf(messages, Math.max(4, Math.max(message.parts(), messages.length * 2)));
    }
    messages[received++] = message;
  }

  /** Whether every message of the request has arrived. */
  public boolean isComplete() {
    return received > 0 && received >= messages[0].parts();
  }

  /** The first message received: its header is the request's. */
  public RequestMessage first() {
    return messages[0];
  }

  /** The number of messages received. */
  public int received() {
    return received;
  }

  /** The message received {@code k}-th. */
  public RequestMessage get(int k) {
    return messages[k];
  }

  PendingRequest copy() {
    return new PendingRequest(Arrays.copyOf(messages, messages.length), received);
  }
}
