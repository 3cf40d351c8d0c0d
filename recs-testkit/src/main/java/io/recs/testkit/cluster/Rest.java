package io.recs.testkit.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** The JobManager's REST API, as JSON trees. Every failure names the method, path and answer. */
final class Rest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Rest(int port) {
    this.base = "http://localhost:" + port;
  }

  String base() {
    return base;
  }

  String getText(String path) throws IOException {
    return send("GET", path, HttpRequest.newBuilder(uri(path)).GET());
  }

  JsonNode get(String path) throws IOException {
    return JSON.readTree(getText(path));
  }

  JsonNode post(String path, Object body) throws IOException {
    return JSON.readTree(
        send(
            "POST",
            path,
            HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
  }

  void patch(String path) throws IOException {
    send("PATCH", path, HttpRequest.newBuilder(uri(path)).method("PATCH", noBody()));
  }

  /** {@code POST /jars/upload}: returns the jar id that {@code /jars/{id}/run} takes. */
  String uploadJar(Path jar) throws IOException {
    String boundary = "recs-" + UUID.randomUUID();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
            + jar.getFileName()
            + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.concat(
            HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
            HttpRequest.BodyPublishers.ofFile(jar),
            HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
    JsonNode answer =
        JSON.readTree(
            send(
                "POST",
                "/jars/upload",
                HttpRequest.newBuilder(uri("/jars/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(body)));
    String stored = answer.path("filename").asText();
    if (stored.isEmpty()) {
      throw new IOException("upload of " + jar + " answered without a filename: " + answer);
    }
    return Path.of(stored).getFileName().toString();
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private String send(String method, String path, HttpRequest.Builder request) throws IOException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              request.timeout(TIMEOUT).build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(method + " " + base + path + " interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          method
              + " "
              + base
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }
}
