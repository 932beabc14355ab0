package org.pyeongga.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A minimal HTTP/1.1 client for the vote requests of the load: blocking sockets on virtual threads, kept alive and
 * reused from a pool, one request at a time per connection. The JDK HttpClient funnels every connection through one
 * selector thread and cost the load generator as much CPU per vote as PostgreSQL spent storing it; on two shared cores
 * that CPU is taken from the app being measured. This client does only what the vote needs: POST a small JSON body,
 * read the status, the {@code Retry-After} header and the body (by Content-Length or chunked).
 */
final class RawHttp implements AutoCloseable {

    /** Status, the header {@code Retry-After} (0 if none) and the body. */
    record Response(int status, int retryAfter, String body) {}

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** POSTs {@code json} to {@code path} with the given extra header; throws IOException if no full answer came. */
    Response postJson(String path, String headerName, String headerValue, String json) throws IOException {
        Connection connection = idle.poll();
        boolean fresh = connection == null;
        if (fresh) {
            connection = new Connection();
        }
        try {
            Response response = connection.exchange(path, headerName, headerValue, json);
            if (connection.keepAlive) {
                idle.offer(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException e) {
            connection.close();
            if (!fresh && e instanceof EOFException) {
                // the server closed an idle kept-alive connection before our request: once more on a new one
                return postJson(path, headerName, headerValue, json);
            }
            throw e;
        }
    }

    @Override
    public void close() {
        for (Connection c = idle.poll(); c != null; c = idle.poll()) {
            c.close();
        }
    }

    private final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean keepAlive = true;

        Connection() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(timeoutMillis);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }

        Response exchange(String path, String headerName, String headerValue, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + headerName + ": " + headerValue
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            out.write(request);
            out.flush();

            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            int retryAfter = 0;
            for (String line = line(); !line.isEmpty(); line = line()) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    case "retry-after" -> retryAfter = parseOr(value, 1);
                    default -> { }
                }
            }
            byte[] content;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].strip(), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
                    // trailers: none expected
                }
                content = all.toByteArray();
            } else if (length >= 0) {
                content = in.readNBytes(length);
                if (content.length < length) {
                    throw new EOFException("body cut off");
                }
            } else {
                keepAlive = false;
                content = in.readAllBytes();
            }
            return new Response(status, retryAfter, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static int parseOr(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
