/**
 * AssertJ assertions that read like the domain: {@link io.recs.testkit.assertions.RecsAssertions}
 * is the entry point, {@link io.recs.testkit.assertions.RecommendationsAssert} and {@link
 * io.recs.testkit.assertions.SimilarItemsAssert} hold the checks. Failure messages print the actual
 * ranked list with scores and explanations.
 */
package io.recs.testkit.assertions;
