package org.ridemarket.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a state directory, so that a second stack on the same directory fails
 * clearly instead of ending the first one's servers as leftovers. The operating system releases
 * it when this process dies, however it dies, so a crash leaves no stale lock.
 */
final class StateDirLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StateDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or fails naming the directory. */
  static StateDirLock acquire(Path stateDir) throws IOException {
    Files.createDirectories(stateDir);
    FileChannel channel = FileChannel.open(stateDir.resolve("stack.lock"),
        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException("another stack is running with state directory " + stateDir
          + "; stop it first or pass another --state-dir");
    }
    return new StateDirLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
