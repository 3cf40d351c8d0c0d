package io.recs.testkit.hdfs;

import io.recs.testkit.internal.OptionalParts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.annotation.PublicEvolving;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HDFS in the test JVM: a {@code MiniDFSCluster} with one name node and one data node,
 * started once per test class in a temporary folder that is deleted afterwards.
 *
 * <pre>{@code
 * class MyFilesITCase {
 *   @RegisterExtension
 *   static final EmbeddedHdfsExtension HDFS = new EmbeddedHdfsExtension();
 *
 *   @Test
 *   void readsAndWrites() throws Exception {
 *     HDFS.writeFile("/in/a.csv", "u1,i1,view,1,1000\n");
 *     // ... run a job reading HDFS.uri("/in") and writing HDFS.uri("/out") ...
 *     List<String> lines = HDFS.readCommittedLines("/out");
 *   }
 * }
 * }</pre>
 *
 * <p>Paths are absolute paths inside the cluster ({@code /in/a.csv}); {@link #uri(String)} turns
 * them into the {@code hdfs://localhost:port/...} URIs that Flink jobs take. Flink reaches {@code
 * hdfs://} through the Hadoop classes on the classpath.
 *
 * <p>Needs Hadoop's shaded client on the test classpath: {@code hadoop-client-api}, {@code
 * hadoop-client-runtime} and {@code hadoop-client-minicluster}, all in test scope. recs-testkit
 * declares them optional, so that tests that do not use HDFS do not get them; without them {@link
 * #beforeAll} fails in one line that names them. The unshaded {@code hadoop-client} next to the
 * minicluster fails with {@code NoClassDefFoundError: org/eclipse/jetty/server/ConnectionFactory}.
 */
@PublicEvolving
public final class EmbeddedHdfsExtension implements BeforeAllCallback, AfterAllCallback {
  private java.nio.file.Path baseDir;
  private MiniDFSCluster cluster;

  /** An extension whose cluster starts before the first test of the class. */
  public EmbeddedHdfsExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    OptionalParts.require(
        EmbeddedHdfsExtension.class, OptionalParts.HDFS_CLASS, OptionalParts.HDFS_ARTIFACT);
    baseDir = Files.createTempDirectory("recs-hdfs");
    Configuration conf = new Configuration();
    conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, baseDir.toString());
    cluster = new MiniDFSCluster.Builder(conf, baseDir.toFile()).numDataNodes(1).build();
    cluster.waitActive();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (cluster != null) {
      cluster.shutdown();
      cluster = null;
    }
    if (baseDir != null) {
      try (Stream<java.nio.file.Path> files = Files.walk(baseDir)) {
        for (java.nio.file.Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      baseDir = null;
    }
  }

  /** The cluster's URI, {@code hdfs://localhost:port}. */
  public String uri() {
    String uri = running().getURI().toString();
    return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
  }

  /** The URI of an absolute path in the cluster, for example {@code uri("/in")}. */
  public String uri(String path) {
    return uri() + absolute(path);
  }

  /** The cluster's file system, for what the helpers do not cover. */
  public FileSystem fileSystem() {
    try {
      return running().getFileSystem();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Creates a folder and its parents. */
  public void mkdirs(String path) {
    try {
      fileSystem().mkdirs(new Path(absolute(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + path, e);
    }
  }

  /**
   * Writes a UTF-8 file, replacing it if present. The file appears atomically: it is written under
   * a hidden name ({@code .name.tmp}) and then renamed, so a monitoring reader never sees it half
   * written.
   */
  public void writeFile(String path, String content) {
    Path target = new Path(absolute(path));
    Path hidden = new Path(target.getParent(), "." + target.getName() + ".tmp");
    FileSystem fs = fileSystem();
    try {
      try (OutputStream out = fs.create(hidden, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(target, false);
      if (!fs.rename(hidden, target)) {
        throw new IOException("rename of " + hidden + " to " + target + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }

  /**
   * The committed files under a folder, recursively, as absolute paths in name order. Files and
   * folders whose names start with {@code .} or {@code _} are ignored: that is where Flink's file
   * sink keeps in-progress and pending files. Empty if the folder does not exist.
   */
  public List<String> listCommittedFiles(String path) {
    List<String> files = new ArrayList<>();
    try {
      Path root = new Path(absolute(path));
      if (fileSystem().exists(root)) {
        collect(root, files);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + path, e);
    }
    files.sort(Comparator.naturalOrder());
    return files;
  }

  /** All lines of all committed files under a folder, file by file in name order. */
  public List<String> readCommittedLines(String path) {
    List<String> lines = new ArrayList<>();
    for (String file : listCommittedFiles(path)) {
      String content = readFile(file);
      if (!content.isEmpty()) {
        lines.addAll(Arrays.asList(content.split("\n", -1)));
        if (content.endsWith("\n")) {
          lines.remove(lines.size() - 1);
        }
      }
    }
    return lines;
  }

  /** The content of one file as UTF-8. */
  public String readFile(String path) {
    try (InputStream in = fileSystem().open(new Path(absolute(path)))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }

  private void collect(Path dir, List<String> files) throws IOException {
    for (FileStatus status : fileSystem().listStatus(dir)) {
      String name = status.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (status.isDirectory()) {
        collect(status.getPath(), files);
      } else {
        files.add(status.getPath().toUri().getPath());
      }
    }
  }

  private static String absolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("path must be absolute, was " + path);
    }
    return path;
  }

  private MiniDFSCluster running() {
    if (cluster == null) {
      throw new IllegalStateException(
          "HDFS is not running: register EmbeddedHdfsExtension with @RegisterExtension on a"
              + " static field");
    }
    return cluster;
  }
}
