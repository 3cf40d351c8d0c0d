package io.recs.connectors.file;

import io.recs.connectors.json.JsonFormat;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;

/** Writes each value as one line of JSON. */
final class JsonLinesEncoder<T> implements Encoder<T> {
  private static final long serialVersionUID = 1L;

  private final JsonFormat<T> format;

  JsonLinesEncoder(JsonFormat<T> format) {
    this.format = format;
  }

  @Override
  public void encode(T element, OutputStream stream) throws IOException {
    stream.write(format.toJson(element));
    stream.write('\n');
  }
}
