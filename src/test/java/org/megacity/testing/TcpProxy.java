package org.megacity.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy a test controls, put between the application and a server (PostgreSQL, the MQTT
 * broker) to take the server away without stopping it: other tests and sessions keep using the
 * real server. Three states:
 * <ul>
 * <li>{@link #restore() open}: every connection is forwarded to the upstream server;
 * <li>{@link #cut() cut}: open connections are reset and new ones refused (nothing listens on the
 * port), as when the server is stopped;
 * <li>{@link #blackhole() blackhole}: connections stay open but nothing passes, in either direction,
 * and new ones are accepted but never answered, as when the network drops packets.
 * </ul>
 * {@link #restore()} after a blackhole resets the connections that lost bytes (a real network would
 * retransmit them; this proxy has thrown them away).
 */
public final class TcpProxy implements AutoCloseable {

    private enum State { OPEN, CUT, BLACKHOLE }

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private volatile State state = State.OPEN;
    private volatile ServerSocket server;
    private volatile boolean closed;

    /** One client connection and, unless it was accepted during a blackhole, its upstream connection. */
    private final class Link {
        final Socket client;
        volatile Socket server;
        volatile boolean dead;

        Link(Socket client) {
            this.client = client;
        }

        void reset() {
            dead = true;
            abort(client);
            if (server != null) {
                abort(server);
            }
            links.remove(this);
        }
    }

    public TcpProxy(String upstreamHost, int upstreamPort) {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.server = bind(0);
        this.port = server.getLocalPort();
        listen(server);
    }

    public int port() {
        return port;
    }

    /** Resets every connection and refuses new ones until {@link #restore()}. */
    public synchronized void cut() {
        state = State.CUT;
        closeQuietly(server);
        for (Link link : links) {
            link.reset();
        }
    }

    /** Lets nothing through any more, in either direction, without closing anything. */
    public synchronized void blackhole() {
        if (state == State.CUT) {
            server = bind(port);
            listen(server);
        }
        state = State.BLACKHOLE;
        for (Link link : links) {
            link.dead = true;
        }
    }

    /** Forwards again: new connections reach the server; connections that lost bytes are reset. */
    public synchronized void restore() {
        if (state == State.CUT) {
            server = bind(port);
            listen(server);
        }
        for (Link link : links) {
            if (link.dead) {
                link.reset();
            }
        }
        state = State.OPEN;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(server);
        for (Link link : links) {
            link.reset();
        }
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("proxy port " + port, e);
        }
    }

    private void listen(ServerSocket socket) {
        Thread.ofVirtual().name("tcp-proxy-accept-" + port).start(() -> {
            while (!closed && !socket.isClosed()) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return;
                }
                Link link = new Link(client);
                links.add(link);
                if (state != State.OPEN) {
                    link.dead = true;
                    Thread.ofVirtual().start(() -> pump(link, client, null));
                    continue;
                }
                Thread.ofVirtual().start(() -> {
                    try {
                        Socket s = new Socket();
                        s.connect(upstream, 5_000);
                        link.server = s;
                    } catch (IOException e) {
                        link.reset();
                        return;
                    }
                    Thread.ofVirtual().start(() -> pump(link, link.server, client));
                    pump(link, client, link.server);
                });
            }
        });
    }

    /** Copies {@code from} to {@code to} while the link lives; a dead link swallows what arrives. */
    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to == null ? null : to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!link.dead && out != null) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // reset by us or by the other side
        }
        if (!link.dead) {
            link.reset();
        }
    }

    private static void abort(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception e) {
            // nothing left to do
        }
    }
}
