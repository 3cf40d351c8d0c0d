package io.recs.evaluation.data;

import io.recs.config.BuilderChecks;
import io.recs.event.ActionWeights;
import io.recs.event.Interaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Generates reproducible synthetic interactions with the structure item-based collaborative
 * filtering exploits.
 *
 * <pre>{@code
 * List<Interaction> events = InteractionGenerator.standard(42).generate();
 * List<Interaction> custom = InteractionGenerator.builder().seed(7).users(100).items(50)
 *     .events(3_000).clusters(5).build().generate();
 * }</pre>
 *
 * <p>The model: items {@code i0 … i(items-1)} have Zipf popularity, item {@code ik} having weight
 * {@code 1 / (k+1)^zipfExponent}, so {@code i0} is the most popular. Item {@code ik} belongs to
 * taste cluster {@code k mod clusters}, and its category (when {@link Builder#categories(boolean)}
 * is on, the default) is {@code "c" + cluster}. Within a cluster, items are drawn with the flatter
 * Zipf weights {@code 1 / (k+1)^tasteZipfExponent}. Each user {@code u0 … u(users-1)} belongs to
 * one cluster, drawn uniformly. Each event of a user is, in this order of checks:
 *
 * <ul>
 *   <li>with probability {@code revisitProbability}, a revisit of an item the user already
 *       interacted with (uniformly among them);
 *   <li>otherwise with probability {@code tasteStrength}, an item of the user's cluster, drawn by
 *       popularity within the cluster;
 *   <li>otherwise an item drawn by global popularity.
 * </ul>
 *
 * <p><b>Interest drift</b> (off by default, {@link Builder#interestDrift(double)}): each user then
 * has up to {@link Builder#interests(int)} interest clusters, starting with their home cluster, and
 * a current session focused on one of them. Taste picks come from the session's cluster instead of
 * the home cluster. Before each of a user's events after the first, with probability {@code
 * interestDrift} a new session starts; its cluster is, with probability {@code
 * newInterestProbability}, a cluster drawn uniformly at random that joins the user's interests
 * (replacing the oldest one when there are already {@code interests}), and otherwise one of the
 * user's other current interests, uniformly (a new cluster when the user has no other). Sessions
 * are therefore about {@code 1 / interestDrift} events long, and a user's tastes change over time,
 * so the recent items say more about the next one than the whole history does. With drift off, the
 * generator draws exactly the random numbers it drew before drift existed, so existing sets do not
 * change.
 *
 * <p>Actions follow {@link ActionWeights}' default names and weights, with frequencies view 70%,
 * click 20%, cart 7%, purchase 3%. Every user has at least {@code minEventsPerUser} events, the
 * rest are spread over users in proportion to a log-normal activity level. Users' events are
 * interleaved at random, and timestamps increase strictly, starting at {@code start} with gaps of
 * one millisecond plus an exponential delay of mean {@code meanGap}.
 *
 * <p>The same configuration and seed always give the same list, on every JVM: randomness comes from
 * {@link Random}, whose algorithm is specified, and the arithmetic from {@link StrictMath}.
 */
@PublicEvolving
public final class InteractionGenerator {
  private static final String[] ACTIONS = {
    ActionWeights.VIEW, ActionWeights.CLICK, ActionWeights.CART, ActionWeights.PURCHASE
  };
  private static final double[] ACTION_FREQUENCIES = {0.70, 0.20, 0.07, 0.03};
  private static final double ACTIVITY_SPREAD = 0.8;

  private final Builder config;
  private final ActionWeights actionWeights = ActionWeights.defaults();
  private final int[] userClusters;

  private InteractionGenerator(Builder config) {
    this.config = config;
    // The same first draws as generate() makes from the seed.
    this.userClusters = drawUserClusters(new Random(config.seed));
  }

  /** A builder with the defaults of {@link #standard(long)}, to change some of them. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The standard set: 5,000 users, 2,000 items, 200,000 events, 100 clusters of 20 items. With each
   * user's last 5 events held out, item-cosine CF reaches recall@10 ≈ 0.2 and most-popular ≈ 0.09.
   */
  public static InteractionGenerator standard(long seed) {
    return builder().seed(seed).build();
  }

  /** A small set for fast tests: 500 users, 300 items, 20,000 events, 15 clusters. */
  public static InteractionGenerator small(long seed) {
    return builder().seed(seed).users(500).items(300).events(20_000).clusters(15).build();
  }

  /**
   * The small set with interest drift: 500 users, 300 items, 20,000 events, 15 clusters, sessions
   * of about 5 events ({@code interestDrift} 0.2), up to 3 interests per user, half of the new
   * sessions on a new interest, and a taste strength of 0.8 so that sessions are clearly focused.
   */
  public static InteractionGenerator drifting(long seed) {
    return builder()
        .seed(seed)
        .users(500)
        .items(300)
        .events(20_000)
        .clusters(15)
        .tasteStrength(0.8)
        .interestDrift(0.2)
        .build();
  }

  /** A tiny set for unit tests: 100 users, 60 items, 2,000 events, 5 clusters. */
  public static InteractionGenerator tiny(long seed) {
    return builder().seed(seed).users(100).items(60).events(2_000).clusters(5).build();
  }

  /** The category of an item id produced by this generator, for example {@code "c3"}. */
  public String categoryOf(String itemId) {
    return categoryOf(itemIndex(itemId));
  }

  /**
   * The items of the taste cluster of item {@code itemId}, most popular first (the generator draws
   * a cluster's items with weights falling with the item's index).
   */
  public List<String> clusterItemsOf(String itemId) {
    int cluster = itemIndex(itemId) % config.clusters;
    List<String> members = new ArrayList<>();
    for (int item = cluster; item < config.items; item += config.clusters) {
      members.add("i" + item);
    }
    return members;
  }

  /** The taste cluster of a user id produced by this generator. */
  public int clusterOfUser(String userId) {
    return userClusters[userIndex(userId)];
  }

  /** Generates the events, ordered by strictly increasing timestamp. */
  public List<Interaction> generate() {
    Random random = new Random(config.seed);
    // Drawn first from the seed, so that the constructor can draw them alike for clusterOfUser.
    int[] userCluster = drawUserClusters(random);
    int[] slots = shuffledUserSlots(random);
    WeightedSampler global =
        new WeightedSampler(WeightedSampler.zipfWeights(config.items, config.zipfExponent));
    WeightedSampler[] byCluster = clusterSamplers();
    WeightedSampler actions = new WeightedSampler(ACTION_FREQUENCIES);

    List<List<Integer>> pastItems = new ArrayList<>(config.users);
    List<Set<Integer>> pastItemSets = new ArrayList<>(config.users);
    for (int u = 0; u < config.users; u++) {
      pastItems.add(new ArrayList<>());
      pastItemSets.add(new HashSet<>());
    }

    Interests interests =
        config.interestDrift > 0
            ? new Interests(userCluster, config.interests, config.clusters)
            : null;
    List<Interaction> events = new ArrayList<>(slots.length);
    long time = config.start.toEpochMilli();
    double meanGapMillis = config.meanGap.toMillis();
    for (int user : slots) {
      List<Integer> past = pastItems.get(user);
      int cluster = userCluster[user];
      if (interests != null) {
        if (!past.isEmpty() && random.nextDouble() < config.interestDrift) {
          interests.newSession(user, random, config.newInterestProbability);
        }
        cluster = interests.focus(user);
      }
      int item;
      if (!past.isEmpty() && random.nextDouble() < config.revisitProbability) {
        item = past.get(random.nextInt(past.size()));
      } else if (random.nextDouble() < config.tasteStrength) {
        item = cluster + config.clusters * byCluster[cluster].sample(random);
      } else {
        item = global.sample(random);
      }
      if (pastItemSets.get(user).add(item)) {
        past.add(item);
      }
      String action = ACTIONS[actions.sample(random)];
      double weight = actionWeights.weightOf(action).orElseThrow();
      time += 1 + (long) (-StrictMath.log(1 - random.nextDouble()) * meanGapMillis);
      events.add(
          new Interaction(
              "u" + user,
              "i" + item,
              action,
              weight,
              time,
              config.categories ? categoryOf(item) : null));
    }
    return events;
  }

  private int[] drawUserClusters(Random random) {
    int[] clusters = new int[config.users];
    for (int u = 0; u < config.users; u++) {
      clusters[u] = random.nextInt(config.clusters);
    }
    return clusters;
  }

  /** One entry per event naming its user, in a random order that interleaves the users. */
  private int[] shuffledUserSlots(Random random) {
    double[] activity = new double[config.users];
    for (int u = 0; u < config.users; u++) {
      activity[u] = StrictMath.exp(ACTIVITY_SPREAD * random.nextGaussian());
    }
    WeightedSampler byActivity = new WeightedSampler(activity);
    int[] slots = new int[config.events];
    int next = 0;
    for (int u = 0; u < config.users; u++) {
      for (int e = 0; e < config.minEventsPerUser; e++) {
        slots[next++] = u;
      }
    }
    while (next < slots.length) {
      slots[next++] = byActivity.sample(random);
    }
    for (int i = slots.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = slots[i];
      slots[i] = slots[j];
      slots[j] = swap;
    }
    return slots;
  }

  /** Per cluster, a sampler over its members {@code cluster + clusters * m} by global weight. */
  private WeightedSampler[] clusterSamplers() {
    WeightedSampler[] samplers = new WeightedSampler[config.clusters];
    for (int c = 0; c < config.clusters; c++) {
      int members = (config.items - c + config.clusters - 1) / config.clusters;
      double[] weights = new double[members];
      for (int m = 0; m < members; m++) {
        weights[m] =
            StrictMath.pow(c + (double) config.clusters * m + 1, -config.tasteZipfExponent);
      }
      samplers[c] = new WeightedSampler(weights);
    }
    return samplers;
  }

  private String categoryOf(int item) {
    return "c" + (item % config.clusters);
  }

  private int itemIndex(String itemId) {
    return parseIndex(itemId, 'i', config.items);
  }

  private int userIndex(String userId) {
    return parseIndex(userId, 'u', config.users);
  }

  private static int parseIndex(String id, char prefix, int bound) {
    if (id.length() > 1 && id.charAt(0) == prefix) {
      try {
        int index = Integer.parseInt(id.substring(1));
        if (index >= 0 && index < bound) {
          return index;
        }
      } catch (NumberFormatException e) {
        // fall through to the common error
      }
    }
    throw new IllegalArgumentException(
        "'"
            + id
            + "' is not an id of this generator ("
            + prefix
            + "0.."
            + prefix
            + (bound - 1)
            + ")");
  }

  /**
   * Configures an {@link InteractionGenerator}. Starts from the standard set's settings; each
   * setter may be called once, and {@link #build()} checks the settings together.
   */
  public static final class Builder {
    private long seed = 42;
    private int users = 5_000;
    private int items = 2_000;
    private int events = 200_000;
    private int clusters = 100;
    private double zipfExponent = 1.0;
    private double tasteZipfExponent = 0.5;
    private double tasteStrength = 0.6;
    private double revisitProbability = 0.05;
    private int minEventsPerUser = 10;
    private Instant start = Instant.parse("2024-01-01T00:00:00Z");
    private Duration meanGap = Duration.ofSeconds(10);
    private boolean categories = true;
    private double interestDrift;
    private int interests = 3;
    private double newInterestProbability = 0.5;
    private final BuilderChecks.Assigned assigned = new BuilderChecks.Assigned();

    private Builder() {}

    /** The random seed. Default 42. */
    public Builder seed(long seed) {
      this.seed = assigned.once("seed", seed);
      return this;
    }

    /** Number of users. Default 5,000. */
    public Builder users(int users) {
      this.users = assigned.once("users", users);
      return this;
    }

    /** Number of items. Default 2,000. */
    public Builder items(int items) {
      this.items = assigned.once("items", items);
      return this;
    }

    /** Number of events. Default 200,000. */
    public Builder events(int events) {
      this.events = assigned.once("events", events);
      return this;
    }

    /** Number of taste clusters, each preferring its own subset of items. Default 100. */
    public Builder clusters(int clusters) {
      this.clusters = assigned.once("clusters", clusters);
      return this;
    }

    /** Exponent s of the Zipf popularity 1/(rank+1)^s; 0 makes items equally popular. Default 1. */
    public Builder zipfExponent(double zipfExponent) {
      this.zipfExponent = assigned.once("zipfExponent", zipfExponent);
      return this;
    }

    /**
     * Exponent of the Zipf popularity within a cluster, over its items ranked by global popularity.
     * Flatter than the global exponent, so that a cluster's taste is more than its few hits and
     * collaborative filtering has something to find beyond popularity. Default 0.5.
     */
    public Builder tasteZipfExponent(double tasteZipfExponent) {
      this.tasteZipfExponent = assigned.once("tasteZipfExponent", tasteZipfExponent);
      return this;
    }

    /** Probability that a new pick comes from the user's cluster. Default 0.6. */
    public Builder tasteStrength(double tasteStrength) {
      this.tasteStrength = assigned.once("tasteStrength", tasteStrength);
      return this;
    }

    /** Probability that an event revisits one of the user's earlier items. Default 0.05. */
    public Builder revisitProbability(double revisitProbability) {
      this.revisitProbability = assigned.once("revisitProbability", revisitProbability);
      return this;
    }

    /** Every user gets at least this many events. Default 10. */
    public Builder minEventsPerUser(int minEventsPerUser) {
      this.minEventsPerUser = assigned.once("minEventsPerUser", minEventsPerUser);
      return this;
    }

    /** Time of the first event, roughly. Default 2024-01-01T00:00:00Z. */
    public Builder start(Instant start) {
      this.start = assigned.once("start", start);
      return this;
    }

    /** Mean gap between consecutive events (plus one millisecond). Default 10 seconds. */
    public Builder meanGap(Duration meanGap) {
      this.meanGap = assigned.once("meanGap", meanGap);
      return this;
    }

    /** Whether events carry their item's category. Default true. */
    public Builder categories(boolean categories) {
      this.categories = assigned.once("categories", categories);
      return this;
    }

    /**
     * Probability, before each of a user's events after the first, that a new session starts,
     * focused on another of the user's interest clusters; see the class comment. Default 0: no
     * drift, every taste pick comes from the user's home cluster.
     */
    public Builder interestDrift(double interestDrift) {
      this.interestDrift = assigned.once("interestDrift", interestDrift);
      return this;
    }

    /**
     * With {@link #interestDrift(double)}: the most interest clusters a user has at once. Default
     * 3.
     */
    public Builder interests(int interests) {
      this.interests = assigned.once("interests", interests);
      return this;
    }

    /**
     * With {@link #interestDrift(double)}: probability that a new session's cluster is a new
     * interest drawn at random rather than one of the user's current interests. Default 0.5.
     */
    public Builder newInterestProbability(double newInterestProbability) {
      this.newInterestProbability = assigned.once("newInterestProbability", newInterestProbability);
      return this;
    }

    /**
     * Checks the settings together.
     *
     * @throws IllegalArgumentException naming the first setting that is out of range
     */
    public InteractionGenerator build() {
      positive("users", users);
      positive("items", items);
      positive("events", events);
      positive("clusters", clusters);
      positive("minEventsPerUser", minEventsPerUser);
      if (clusters > items) {
        throw new IllegalArgumentException(
            "clusters (" + clusters + ") must not exceed items (" + items + ")");
      }
      if ((long) users * minEventsPerUser > events) {
        throw new IllegalArgumentException(
            "events ("
                + events
                + ") must be at least users × minEventsPerUser ("
                + users
                + " × "
                + minEventsPerUser
                + ")");
      }
      exponent("zipfExponent", zipfExponent);
      exponent("tasteZipfExponent", tasteZipfExponent);
      probability("tasteStrength", tasteStrength);
      probability("revisitProbability", revisitProbability);
      probability("interestDrift", interestDrift);
      probability("newInterestProbability", newInterestProbability);
      positive("interests", interests);
      if (start == null) {
        throw new IllegalArgumentException("start must not be null");
      }
      if (meanGap == null || meanGap.isNegative()) {
        throw new IllegalArgumentException("meanGap must not be null or negative, was " + meanGap);
      }
      // The last timestamp is a sum of `events` gaps of mean m = 1 + meanGap and standard deviation
      // below m each: it exceeds n*m + 20*sqrt(n)*m + 50*m with a probability far below 1e-20 for
      // every n (one gap above 50 means: e^-49; many: twenty standard deviations).
      double gaps = events + 20 * Math.sqrt(events) + 50;
      long lastMillis = start.toEpochMilli() + (long) (gaps * (1 + meanGap.toMillis()));
      if (start.toEpochMilli() < Interaction.MIN_TIMESTAMP
          || lastMillis > Interaction.MAX_TIMESTAMP) {
        throw new IllegalArgumentException(
            "start "
                + start
                + " with "
                + events
                + " events of meanGap "
                + meanGap
                + " would leave the accepted timestamp range");
      }
      return new InteractionGenerator(copy());
    }

    private Builder copy() {
      Builder b = new Builder();
      b.seed = seed;
      b.users = users;
      b.items = items;
      b.events = events;
      b.clusters = clusters;
      b.zipfExponent = zipfExponent;
      b.tasteZipfExponent = tasteZipfExponent;
      b.tasteStrength = tasteStrength;
      b.revisitProbability = revisitProbability;
      b.minEventsPerUser = minEventsPerUser;
      b.start = start;
      b.meanGap = meanGap;
      b.categories = categories;
      b.interestDrift = interestDrift;
      b.interests = interests;
      b.newInterestProbability = newInterestProbability;
      return b;
    }

    private static void positive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be > 0, was " + value);
      }
    }

    private static void exponent(String name, double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
      }
    }

    private static void probability(String name, double value) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
      }
    }
  }
}
