package io.recs.request;

import org.apache.flink.annotation.Internal;

/**
 * What every message of one recommendation request carries.
 *
 * @param user the user the request is for (the key of the ranking stage)
 * @param requestId the user's request number, increasing
 * @param n the number of items wanted, or 0 for the configured N
 * @param time the event time of the request, epoch ms
 * @param finalRequest whether it is answered only at the end of input
 * @param category the category to restrict to, or null
 * @param arrivalMillis processing time at which the triggering event arrived, for the latency
 * @param seenItem the item of the interaction that triggered the request, when the request carries
 *     it instead of a seen notice (a request of one message, sent right away), else null
 * @param seenAction that interaction's action, or null
 */
@Internal
public record RequestHeader(
    String user,
    long requestId,
    int n,
    long time,
    boolean finalRequest,
    String category,
    long arrivalMillis,
    String seenItem,
    String seenAction) {}
