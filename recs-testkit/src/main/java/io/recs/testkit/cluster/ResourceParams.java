package io.recs.testkit.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What Flink's start scripts compute before they start a JobManager or TaskManager: the memory
 * flags of the JVM and the derived memory settings as {@code -D key=value} arguments. Both come
 * from {@code org.apache.flink.runtime.util.bash.BashJavaUtils}, whose answer lines start with
 * {@value #PREFIX}.
 *
 * @param jvmArgs for example {@code -Xmx469762039 -XX:MaxDirectMemorySize=255013685}
 * @param dynamicProperties {@code -D} and {@code key=value} in turn, for the entry point
 */
record ResourceParams(List<String> jvmArgs, List<String> dynamicProperties) {
  static final String PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

  ResourceParams {
    jvmArgs = List.copyOf(jvmArgs);
    dynamicProperties = List.copyOf(dynamicProperties);
  }

  /**
   * Parses the output of {@code BashJavaUtils GET_TM_RESOURCE_PARAMS} or {@code
   * GET_JM_RESOURCE_PARAMS}: the first result line holds the JVM flags, the second the properties.
   *
   * @throws IllegalArgumentException with the whole output when there are fewer than two results
   */
  static ResourceParams parse(String output) {
    List<String> results = new ArrayList<>();
    for (String line : output.split("\\R")) {
      if (line.startsWith(PREFIX)) {
        results.add(line.substring(PREFIX.length()).trim());
      }
    }
    if (results.size() < 2) {
      throw new IllegalArgumentException(
          "expected two " + PREFIX + " lines from BashJavaUtils, got:\n" + output);
    }
    return new ResourceParams(words(results.get(0)), words(results.get(1)));
  }

  private static List<String> words(String line) {
    return line.isEmpty() ? List.of() : Arrays.asList(line.split("\\s+"));
  }
}
