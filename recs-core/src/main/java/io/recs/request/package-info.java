/**
 * The life of a recommendation request, from the user stage to the ranking stage.
 *
 * <ul>
 *   <li>{@link io.recs.request.RequestPath}: adds the request's operators to the graph; its {@code
 *       UserRequests} tell the user stage what to send ({@code RequestStarter}: seed selection).
 *   <li>The lookup topology ({@code LookupTopology}): {@code PartitionedLookup} (a {@link
 *       io.recs.request.SeedLookup} per seed to the {@code NeighbourStoreFunction}) or {@code
 *       ReplicatedLookup} (candidate lists broadcast by the {@code CandidateListFunction}, one
 *       {@link io.recs.request.WholeRequest} per request).
 *   <li>{@link io.recs.request.RankFunction}: the ranking stage, a router over the request assembly
 *       ({@link io.recs.request.PendingRequest}), the seen set and {@link
 *       io.recs.scoring.RankScoring}.
 *   <li>The typed messages: {@link io.recs.request.RankInput} on the ranking stage's keyed input,
 *       {@link io.recs.request.RankUpdate} on its broadcast input, each with a tag-byte serializer.
 * </ul>
 *
 * <p>The dataflow and the message types are described in {@code docs/architecture.md}.
 */
package io.recs.request;
