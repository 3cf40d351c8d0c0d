package io.recs.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.recs.event.Interaction;
import io.recs.event.RecordOrigin;
import io.recs.event.RejectReason;
import io.recs.event.RejectedRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The parsers' contract on generated and mutated input: for every record exactly one outcome and
 * never an exception, so that accepted + rejected == input; untouched valid records are accepted
 * exactly as generated. Seeded, so a failure reproduces.
 */
class ParserInvariantTest {
  private static final long SEED = 20_260_425L;
  private static final int RECORDS = 100_000;
  private static final String[] ACTIONS = {"view", "click", "cart", "purchase", "VIEW", " Click "};
  private static final double[] ACTION_WEIGHTS = {1, 2, 4, 8, 1, 2};
  private static final byte[] HUGE_FIELD = bytes("x".repeat(70_000));

  private final SplittableRandom random = new SplittableRandom(SEED);

  @Test
  void csvParserKeepsTheContract() {
    CsvInteractionParser parser =
        CsvInteractionParser.builder()
            .header("user", "item", "action", "weight", "ts", "category")
            .userColumn("user")
            .itemColumn("item")
            .actionColumn("action")
            .weightColumn("weight")
            .timestampColumn("ts")
            .categoryColumn("category")
            .build();
    Map<RejectReason, Integer> reasons = run(parser, this::csvRecord);
    assertThat(reasons)
        .containsKeys(
            RejectReason.HEADER,
            RejectReason.MALFORMED_CSV,
            RejectReason.INVALID_ID,
            RejectReason.INVALID_WEIGHT,
            RejectReason.INVALID_TIMESTAMP,
            RejectReason.UNKNOWN_ACTION,
            RejectReason.INVALID_ENCODING,
            RejectReason.TOO_LARGE,
            RejectReason.EMPTY);
  }

  @Test
  void jsonParserKeepsTheContract() {
    JsonInteractionParser parser =
        JsonInteractionParser.builder()
            .userField("e.user.id")
            .itemField("e.item")
            .actionField("type")
            .weightField("w")
            .timestampField("ts")
            .categoryField("e.cat")
            .build();
    Map<RejectReason, Integer> reasons = run(parser, this::jsonRecord);
    assertThat(reasons)
        .containsKeys(
            RejectReason.MALFORMED_JSON,
            RejectReason.WRONG_TYPE,
            RejectReason.MISSING_FIELD,
            RejectReason.INVALID_ID,
            RejectReason.INVALID_WEIGHT,
            RejectReason.INVALID_TIMESTAMP,
            RejectReason.UNKNOWN_ACTION,
            RejectReason.INVALID_ENCODING,
            RejectReason.TOO_LARGE,
            RejectReason.EMPTY);
  }

  @Test
  void movieLensParserKeepsTheContract() {
    Map<RejectReason, Integer> reasons =
        run(MovieLensParser.uData().ratingThreshold(2.5).build(), this::uDataRecord);
    assertThat(reasons)
        .containsKeys(
            RejectReason.BELOW_THRESHOLD,
            RejectReason.MALFORMED_CSV,
            RejectReason.INVALID_WEIGHT,
            RejectReason.INVALID_TIMESTAMP,
            RejectReason.INVALID_ENCODING,
            RejectReason.TOO_LARGE);
  }

  /** A generated record and, if it was left valid, the interaction it must become. */
  private record Sample(byte[] bytes, Interaction expected) {}

  @FunctionalInterface
  private interface Generator {
    Sample next();
  }

  private Map<RejectReason, Integer> run(InteractionParser parser, Generator generator) {
    Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
    int accepted = 0;
    int rejected = 0;
    for (int n = 0; n < RECORDS; n++) {
      Sample sample = generator.next();
      ParseResult result = parser.parse(sample.bytes(), RecordOrigin.kafka("t", n % 4, n));
      // Plain checks with lazy messages: describing every record would dominate the run.
      check(result != null, n, sample, () -> "no result");
      check(
          (result.interaction() == null) != (result.rejected() == null),
          n,
          sample,
          () -> "not one");
      if (result.isAccepted()) {
        accepted++;
        check(
            sample.expected() == null || sample.expected().equals(result.interaction()),
            n,
            sample,
            () -> "accepted " + result.interaction() + ", expected " + sample.expected());
      } else {
        rejected++;
        RejectedRecord r = result.rejected();
        check(sample.expected() == null, n, sample, () -> "rejected valid record: " + r);
        check(!r.detail().startsWith("parser error"), n, sample, () -> r.detail());
        check(
            r.rawLength() == sample.bytes().length, n, sample, () -> "rawLength " + r.rawLength());
        check(r.raw().length() <= RejectedRecord.MAX_RAW_CHARS, n, sample, () -> "raw too long");
        check(r.offset() == n, n, sample, () -> "offset " + r.offset());
        reasons.merge(r.reason(), 1, Integer::sum);
      }
    }
    assertThat(accepted + rejected).isEqualTo(RECORDS);
    assertThat(accepted).as("accepted of %d", RECORDS).isGreaterThan(RECORDS / 10);
    return reasons;
  }

  private static void check(boolean condition, int n, Sample sample, Supplier<String> problem) {
    if (!condition) {
      fail("seed " + SEED + ", record " + n + ": " + problem.get() + "\n" + show(sample.bytes()));
    }
  }

  private Sample csvRecord() {
    if (random.nextInt(100) == 0) {
      return new Sample(bytes("user,item,action,weight,ts,category"), null);
    }
    String user = id();
    String item = id();
    int a = random.nextInt(ACTIONS.length);
    boolean hasWeight = random.nextBoolean();
    double weight = random.nextInt(1000) / 10.0;
    long ts = timestamp();
    String category = random.nextBoolean() ? "" : "c" + random.nextInt(10);
    String line =
        quoted(user)
            + ","
            + quoted(item)
            + ","
            + ACTIONS[a]
            + ","
            + (hasWeight ? Double.toString(weight) : "")
            + ","
            + ts
            + ","
            + category;
    Interaction expected =
        new Interaction(
            user.strip(),
            item.strip(),
            ACTIONS[a].strip().toLowerCase(),
            hasWeight ? weight : ACTION_WEIGHTS[a],
            ts,
            category);
    return mutateOrKeep(line, expected, ",");
  }

  private Sample jsonRecord() {
    String user = id();
    String item = id();
    int a = random.nextInt(ACTIONS.length);
    double weight = random.nextInt(1000) / 10.0;
    long ts = timestamp();
    boolean numericUser = random.nextInt(4) == 0;
    String[] badValues = {"-1.5", "1e999", "\"3\"", "{}", "[1]", "true", "null"};
    boolean badWeight = random.nextInt(20) == 0;
    boolean badUser = random.nextInt(40) == 0;
    long numericId = random.nextLong(1_000_000);
    String json =
        "{\"type\":\""
            + ACTIONS[a]
            + "\",\"e\":{\"user\":{\"id\":"
            + (badUser
                ? badValues[random.nextInt(badValues.length)]
                : numericUser ? Long.toString(numericId) : jsonString(user))
            + "},\"item\":"
            + jsonString(item)
            + ",\"cat\":null,\"x\":[1,{\"y\":true}]},\"w\":"
            + (badWeight ? badValues[random.nextInt(badValues.length)] : weight)
            + ",\"ts\":"
            + (random.nextBoolean() ? Long.toString(ts) : "\"" + Instant.ofEpochMilli(ts) + "\"")
            + "}";
    Interaction expected =
        Interaction.of(
            numericUser ? Long.toString(numericId) : user.strip(),
            item.strip(),
            ACTIONS[a].strip().toLowerCase(),
            weight,
            ts);
    return mutateOrKeep(json, badWeight || badUser ? null : expected, ":");
  }

  private Sample uDataRecord() {
    String user = Integer.toString(random.nextInt(1, 1000));
    String item = Integer.toString(random.nextInt(1, 2000));
    int rating = random.nextInt(1, 6);
    long seconds = random.nextLong(800_000_000L, 1_000_000_000L);
    String line = user + "\t" + item + "\t" + rating + "\t" + seconds;
    Interaction expected =
        rating < 2.5 ? null : Interaction.of(user, item, "rating", rating, seconds * 1000);
    return mutateOrKeep(line, expected, "\t");
  }

  /** Leaves about a third of the records valid and mutates the rest in one of many ways. */
  private Sample mutateOrKeep(String record, Interaction expected, String separator) {
    int kind = random.nextInt(30);
    if (kind < 10) {
      return new Sample(bytes(record), expected);
    }
    byte[] b = bytes(record);
    byte[] mutated =
        switch (kind) {
          case 10 -> randomBytes(random.nextInt(0, 200));
          case 11 -> Arrays.copyOf(b, random.nextInt(b.length));
          case 12 -> insert(b, HUGE_FIELD);
          case 13 -> insert(b, bytes("y".repeat(300)));
          case 14 -> insert(b, new byte[] {(byte) 0xC3}); // lead byte without continuation
          case 15 -> insert(b, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // surrogate
          case 16 -> insert(b, new byte[] {(byte) random.nextInt(0, 32)});
          case 17 -> bytes(record.replace(separator, ""));
          case 18 -> bytes(record.replaceFirst("\\d+(\\.\\d+)?", "NaN"));
          case 19 -> bytes(record.replaceFirst("(\\d)", "-$1"));
          case 20 -> bytes(record.replaceAll("1[0-9]{12}", "9" + "9".repeat(15)));
          case 21 -> bytes(record.replaceAll("1[0-9]{12}", "-5"));
          case 22 -> bytes("[".repeat(random.nextInt(1, 3000)) + record);
          case 23 -> bytes("{\"a\":" + "{\"b\":".repeat(random.nextInt(1, 3000)) + record);
          case 24 -> bytes(record.replace("\"", ""));
          case 25 ->
              bytes(" ".repeat(random.nextInt(0, 5)) + "\t\r\n".substring(random.nextInt(3)));
          case 26 -> flipOne(b);
          case 27 -> bytes(record.replaceFirst("[a-z]+", "dance"));
          case 28 -> bytes(record + separator + record);
          default -> bytes(record.replace(separator, separator + separator));
        };
    return new Sample(mutated, null);
  }

  private String id() {
    return switch (random.nextInt(6)) {
      case 0 -> Integer.toString(random.nextInt(100_000));
      case 1 -> "user-" + random.nextInt(1000) + "-é✓";
      case 2 -> " padded" + random.nextInt(100) + " ";
      case 3 -> "has,comma" + random.nextInt(100);
      case 4 -> "quote\"d" + random.nextInt(100);
      default -> "u" + random.nextLong();
    };
  }

  private long timestamp() {
    return random.nextLong(Interaction.MIN_TIMESTAMP, Interaction.MAX_TIMESTAMP + 1);
  }

  private static String quoted(String field) {
    return field.indexOf(',') >= 0 || field.indexOf('"') >= 0
        ? "\"" + field.replace("\"", "\"\"") + "\""
        : field;
  }

  private static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private byte[] randomBytes(int length) {
    byte[] b = new byte[length];
    for (int i = 0; i < length; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  private byte[] insert(byte[] b, byte[] what) {
    int at = random.nextInt(b.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.write(what, 0, what.length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  private byte[] flipOne(byte[] b) {
    byte[] copy = b.clone();
    if (copy.length > 0) {
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String show(byte[] b) {
    String s = new String(b, 0, Math.min(b.length, 300), StandardCharsets.UTF_8);
    return b.length > 300 ? s + "... (" + b.length + " bytes)" : s;
  }
}
