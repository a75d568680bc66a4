package org.ridemarket.loadtest.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, found the way {@code ss -ltnp} does it but without a tool that
 * may be missing: the listening socket's inode in {@code /proc/net/tcp} (and tcp6), then the process
 * with a {@code socket:[inode]} among its {@code /proc/<pid>/fd} links (needs the right to read them).
 */
public final class ListeningSocket {

  private static final String LISTEN = "0A";

  private ListeningSocket() {
  }

  /** The pid of the process listening on {@code port}, if one can be seen. */
  public static OptionalLong pidListeningOn(int port) {
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        OptionalLong inode = listenerInode(Files.readAllLines(Path.of(table)), port);
        if (inode.isPresent()) {
          return pidOwningSocket(inode.getAsLong());
        }
      } catch (IOException e) {
        // No IPv6 table on this kernel: try the next one.
      }
    }
    return OptionalLong.empty();
  }

  /**
   * The inode of the socket listening on {@code port} in the lines of a {@code /proc/net/tcp} table:
   * {@code sl local_address rem_address st ... inode}, the local address as hex {@code IP:PORT}, state
   * {@code 0A} for LISTEN, the inode the tenth field. Inode 0 (a socket being torn down) is skipped.
   */
  static OptionalLong listenerInode(List<String> tableLines, int port) {
    String portHex = String.format(Locale.ROOT, ":%04X", port);
    for (String line : tableLines) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length < 10 || !fields[0].endsWith(":")) {
        continue;
      }
      if (fields[1].toUpperCase(Locale.ROOT).endsWith(portHex) && LISTEN.equals(fields[3])) {
        long inode = Long.parseLong(fields[9]);
        if (inode != 0) {
          return OptionalLong.of(inode);
        }
      }
    }
    return OptionalLong.empty();
  }

  private static OptionalLong pidOwningSocket(long inode) {
    String target = "socket:[" + inode + "]";
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(dir -> holds(dir.resolve("fd"), target))
          .mapToLong(dir -> Long.parseLong(dir.getFileName().toString()))
          .findFirst();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  private static boolean holds(Path fds, String target) {
    try (Stream<Path> links = Files.list(fds)) {
      return links.anyMatch(link -> {
        try {
          return Files.readSymbolicLink(link).toString().equals(target);
        } catch (IOException | UnsupportedOperationException e) {
          return false;
        }
      });
    } catch (IOException | SecurityException e) {
      // Another user's process, or one that just exited.
      return false;
    }
  }
}
