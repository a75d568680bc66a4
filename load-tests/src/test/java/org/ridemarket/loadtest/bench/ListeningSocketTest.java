package org.ridemarket.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListeningSocketTest {

  private static final List<String> TCP = List.of(
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
      "   0: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 31337 1 0 100 0 0 10 0",
      "   1: 0100007F:1F92 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 4444 1 0 20 4 30 10 -1",
      "   2: 0100007F:3FCB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 0 1 0 100 0 0 10 0");

  @Test
  void shouldFindTheInodeOfTheListenerOnAPort() {
    // 0x1F91 = 8081, state 0A = LISTEN
    assertThat(ListeningSocket.listenerInode(TCP, 8081)).hasValue(31337);
  }

  @Test
  void shouldIgnoreConnectionsAndSocketsWithoutAnInode() {
    // 8082 only has an established connection; 16331 (0x3FCB) a listener being torn down (inode 0)
    assertThat(ListeningSocket.listenerInode(TCP, 8082)).isEmpty();
    assertThat(ListeningSocket.listenerInode(TCP, 16331)).isEmpty();
  }

  @Test
  void shouldReadAnIpv6Table() {
    List<String> tcp6 = List.of("   0: 00000000000000000000000001000000:3FCB 00000000000000000000000000000000:0000 0A "
        + "00000000:00000000 00:00000000 00000000     0        0 777 1 0 100 0 0 10 0");

    assertThat(ListeningSocket.listenerInode(tcp6, 16331)).hasValue(777);
  }

  @Test
  void shouldFindThisJvmListeningOnItsOwnSocket() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThat(ListeningSocket.pidListeningOn(socket.getLocalPort())).hasValue(ProcessHandle.current().pid());
    }
  }
}
