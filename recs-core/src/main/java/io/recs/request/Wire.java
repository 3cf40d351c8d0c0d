package io.recs.request;

import io.recs.event.ScoredItem;
import io.recs.event.TrendingItems;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The field formats shared by the request messages' serializers. Strings as Flink's {@code
 * StringSerializer} writes them (null allowed); arrays as their length (-1 for null), then the
 * elements.
 */
final class Wire {
  private Wire() {}

  static void writeString(String value, DataOutputView out) throws IOException {
    StringValue.writeString(value, out);
  }

  static String readString(DataInputView in) throws IOException {
    return StringValue.readString(in);
  }

  static void writeStrings(String[] values, DataOutputView out) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (String value : values) {
      StringValue.writeString(value, out);
    }
  }

  static String[] readStrings(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    String[] values = new String[length];
    for (int k = 0; k < length; k++) {
      values[k] = StringValue.readString(in);
    }
    return values;
  }

  static void writeDoubles(double[] values, DataOutputView out) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (double value : values) {
      out.writeDouble(value);
    }
  }

  static double[] readDoubles(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    double[] values = new double[length];
    for (int k = 0; k < length; k++) {
      values[k] = in.readDouble();
    }
    return values;
  }

  static void writeInts(int[] values, DataOutputView out) throws IOException {
    if (values == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(values.length);
    for (int value : values) {
      out.writeInt(value);
    }
  }

  static int[] readInts(DataInputView in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    int[] values = new int[length];
    for (int k = 0; k < length; k++) {
      values[k] = in.readInt();
    }
    return values;
  }

  static void writeHeader(RequestHeader h, DataOutputView out) throws IOException {
    writeString(h.user(), out);
    out.writeLong(h.requestId());
    out.writeInt(h.n());
    out.writeLong(h.time());
    out.writeBoolean(h.finalRequest());
    writeString(h.category(), out);
    out.writeLong(h.arrivalMillis());
    writeString(h.seenItem(), out);
    writeString(h.seenAction(), out);
  }

  static RequestHeader readHeader(DataInputView in) throws IOException {
    return new RequestHeader(
        readString(in),
        in.readLong(),
        in.readInt(),
        in.readLong(),
        in.readBoolean(),
        readString(in),
        in.readLong(),
        readString(in),
        readString(in));
  }

  /** Features as a presence flag, then the three arrays. */
  static void writeFeatures(SeedFeatures features, DataOutputView out) throws IOException {
    out.writeBoolean(features != null);
    if (features != null) {
      writeInts(features.recencies(), out);
      writeDoubles(features.weights(), out);
      writeStrings(features.actions(), out);
    }
  }

  static SeedFeatures readFeatures(DataInputView in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    return new SeedFeatures(readInts(in), readDoubles(in), readStrings(in));
  }

  static void writeLookup(SeedLookup lookup, DataOutputView out) throws IOException {
    writeHeader(lookup.header(), out);
    out.writeInt(lookup.parts());
    writeString(lookup.seed(), out);
    out.writeDouble(lookup.affinity());
    writeFeatures(lookup.features(), out);
  }

  static SeedLookup readLookup(DataInputView in) throws IOException {
    return new SeedLookup(
        readHeader(in), in.readInt(), readString(in), in.readDouble(), readFeatures(in));
  }

  static void writeTrending(TrendingItems trending, DataOutputView out) throws IOException {
    writeString(trending.scope(), out);
    out.writeLong(trending.timestamp());
    out.writeInt(trending.items().size());
    for (ScoredItem item : trending.items()) {
      writeString(item.itemId(), out);
      out.writeDouble(item.score());
      out.writeInt(item.because().size());
      for (String because : item.because()) {
        writeString(because, out);
      }
    }
  }

  static TrendingItems readTrending(DataInputView in) throws IOException {
    String scope = readString(in);
    long timestamp = in.readLong();
    int count = in.readInt();
    List<ScoredItem> items = new ArrayList<>(count);
    for (int k = 0; k < count; k++) {
      String id = readString(in);
      double score = in.readDouble();
      int reasons = in.readInt();
      List<String> because = new ArrayList<>(reasons);
      for (int r = 0; r < reasons; r++) {
        because.add(readString(in));
      }
      items.add(new ScoredItem(id, score, because));
    }
    return new TrendingItems(scope, items, timestamp);
  }
}
