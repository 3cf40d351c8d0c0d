package io.recs.examples;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.IncrementalKeyedStateHandle.HandleAndLocalPath;
import org.apache.flink.runtime.state.IncrementalRemoteKeyedStateHandle;
import org.apache.flink.runtime.state.StateObject;
import org.apache.flink.runtime.state.StreamStateHandle;

/**
 * The checkpoints and savepoints a run leaves in its checkpoint folder, local or {@code hdfs://}:
 * Flink writes checkpoints to {@code <dir>/<job id>/chk-<n>/_metadata}; stop-with-savepoint writes
 * to {@code <dir>/savepoints/savepoint-*}/_metadata}. A run resumes from the newest.
 */
final class RecoveryPoints {
  static final String METADATA = "_metadata";
  static final String SAVEPOINTS = "savepoints";

  private RecoveryPoints() {}

  /** The savepoint folder of a checkpoint folder. */
  static String savepoints(String checkpointDir) {
    return new Path(checkpointDir, SAVEPOINTS).toString();
  }

  /** The newest complete checkpoint or savepoint under {@code checkpointDir}, or null. */
  static String latest(String checkpointDir) throws IOException {
    Path dir = new Path(checkpointDir);
    FileSystem fs = dir.getFileSystem();
    if (!fs.exists(dir)) {
      return null;
    }
    FileStatus newest = null;
    for (FileStatus candidate : candidates(fs, dir)) {
      if (newest == null || candidate.getModificationTime() > newest.getModificationTime()) {
        newest = candidate;
      }
    }
    return newest == null ? null : newest.getPath().getParent().toString();
  }

  /** The {@code _metadata} files of the checkpoints and savepoints under {@code dir}. */
  private static List<FileStatus> candidates(FileSystem fs, Path dir) throws IOException {
    List<FileStatus> metadata = new ArrayList<>();
    for (FileStatus child : list(fs, dir)) {
      if (!child.isDir()) {
        continue;
      }
      boolean savepoints = child.getPath().getName().equals(SAVEPOINTS);
      for (FileStatus point : list(fs, child.getPath())) {
        String name = point.getPath().getName();
        if (point.isDir()
            && (savepoints ? name.startsWith("savepoint-") : name.startsWith("chk-"))) {
          Path file = new Path(point.getPath(), METADATA);
          if (fs.exists(file)) {
            metadata.add(fs.getFileStatus(file));
          }
        }
      }
    }
    return metadata;
  }

  private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
    FileStatus[] children = fs.listStatus(dir);
    return children == null ? new FileStatus[0] : children;
  }

  /**
   * Checks that {@code path} is a checkpoint or savepoint folder (or its {@code _metadata} file).
   *
   * @throws BadSettingException naming the path and what is wrong
   */
  static void check(String path) {
    try {
      Path point = new Path(path);
      FileSystem fs = point.getFileSystem();
      if (!fs.exists(point)) {
        throw new BadSettingException(
            JobOptions.RESTORE.name() + " " + path + ": no such checkpoint or savepoint");
      }
      Path metadata = point.getName().equals(METADATA) ? point : new Path(point, METADATA);
      if (!fs.exists(metadata)) {
        throw new BadSettingException(
            JobOptions.RESTORE.name()
                + " "
                + path
                + ": not a checkpoint or savepoint (it has no "
                + METADATA
                + "; a checkpoint folder is <checkpoint-dir>/<job id>/chk-<n>)");
      }
    } catch (IOException e) {
      throw new BadSettingException(
          JobOptions.RESTORE.name() + " " + path + " cannot be read: " + Preflight.oneLine(e), e);
    }
  }

  /**
   * Reads the {@code _metadata} of the checkpoint or savepoint a run resumes from and opens every
   * state file it refers to, so that a truncated or incomplete checkpoint stops the run before it
   * starts, in one line, instead of failing its tasks on restore again and again.
   *
   * @throws BadSettingException {@code cannot resume from <path>: <what is wrong>}
   */
  static void checkReadable(String point) {
    Path metadata = point.endsWith("/" + METADATA) ? new Path(point) : new Path(point, METADATA);
    try {
      CheckpointMetadata loaded;
      try (FSDataInputStream in = metadata.getFileSystem().open(metadata)) {
        loaded =
            Checkpoints.loadCheckpointMetadata(
                new DataInputStream(in), RecoveryPoints.class.getClassLoader(), point);
      }
      for (OperatorState operator : loaded.getOperatorStates()) {
        if (operator.getCoordinatorState() != null) {
          open(operator.getCoordinatorState());
        }
        for (OperatorSubtaskState subtask : operator.getStates()) {
          for (StateObject state : subtask.getDiscardables()) {
            open(state);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new BadSettingException(
          "cannot resume from "
              + point
              + ": "
              + Preflight.oneLine(RunLifecycle.rootCause(e))
              + " (--restore none starts from empty state)",
          e);
    }
  }

  private static void open(StateObject state) throws IOException {
    if (state instanceof IncrementalRemoteKeyedStateHandle incremental) {
      open(incremental.getMetaDataStateHandle());
      for (HandleAndLocalPath file : incremental.getSharedState()) {
        open(file.getHandle());
      }
      for (HandleAndLocalPath file : incremental.getPrivateState()) {
        open(file.getHandle());
      }
    } else if (state instanceof StreamStateHandle stream) {
      try (InputStream in = stream.openInputStream()) {
        // opening is the check: a deleted file fails here
      }
    }
  }

  /**
   * Removes every checkpoint and savepoint under {@code checkpointDir} except the savepoint {@code
   * keep} (none if null): after a run drained its input only its final savepoint, if any, is left
   * to resume.
   */
  static void clearAllBut(String checkpointDir, String keep) throws IOException {
    Path dir = new Path(checkpointDir);
    FileSystem fs = dir.getFileSystem();
    String kept = keep == null ? null : new Path(keep).getName();
    for (FileStatus child : list(fs, dir)) {
      if (!child.isDir()) {
        continue;
      }
      if (kept != null && child.getPath().getName().equals(SAVEPOINTS)) {
        for (FileStatus savepoint : list(fs, child.getPath())) {
          if (!savepoint.getPath().getName().equals(kept)) {
            fs.delete(savepoint.getPath(), true);
          }
        }
      } else {
        fs.delete(child.getPath(), true);
      }
    }
  }
}
