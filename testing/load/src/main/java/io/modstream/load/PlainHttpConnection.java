package io.modstream.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection over a blocking socket, one request at a time: the latency driver's client.
 *
 * <p>Why not {@code java.net.http}: on two shared cores the driver is one of four JVMs, and every CPU second it spends
 * is taken from the services it measures. {@code HttpClient} runs a selector thread per client and hands each response
 * through executors and futures; at 500 POSTs a second over 64 clients the driver used 3.7–4.5 CPU seconds in every 10
 * (docs/benchmarks.md). This class writes the request and reads the answer on the calling thread, nothing else.
 *
 * <p>It speaks only what a driver needs: {@code POST} of a byte body to the endpoint's path, {@code GET} of any path on
 * the endpoint's server, answers framed by {@code Content-Length} or chunked, {@code Connection: close} honoured. A connection that fails or is closed by the server is opened again by
 * the next request. Not thread-safe: one thread per connection.
 */
final class PlainHttpConnection implements Closeable {

    private static final int MAX_HEADER_LINE = 8 * 1024;
    private static final int MAX_BODY = 1024 * 1024;

    private final URI endpoint;
    private final Duration timeout;
    private final byte[] head;
    /** The header lines after the request line, for a GET: Host and the extra headers, then the blank line. */
    private final byte[] getHeaders;

    private Socket socket;
    private InputStream in;
    private OutputStream out;

    /** An answer: its status code and its body as UTF-8. */
    record Response(int status, String body) {}

    /**
     * @param endpoint where every request goes ({@code http://host:port/path})
     * @param headers extra request headers, as {@code Name: value} lines without line ends
     * @param timeout for connecting, and for each read while waiting for an answer
     */
    PlainHttpConnection(URI endpoint, Duration timeout, String... headers) {
        if (!"http".equals(endpoint.getScheme()) || endpoint.getPort() < 0) {
            throw new IllegalArgumentException("An http:// endpoint with a port, not " + endpoint);
        }
        this.endpoint = endpoint;
        this.timeout = timeout;
        StringBuilder lines = new StringBuilder()
                .append("Host: ")
                .append(endpoint.getHost())
                .append(':')
                .append(endpoint.getPort())
                .append("\r\n");
        for (String header : headers) {
            lines.append(header).append("\r\n");
        }
        String path = endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        this.head =
                ("POST " + path + " HTTP/1.1\r\n" + lines + "Content-Length: ").getBytes(StandardCharsets.ISO_8859_1);
        this.getHeaders = (lines + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Opens the connection now, if it is not open, instead of with the next request. */
    void connect() throws IOException {
        if (socket == null) {
            open();
        }
    }

    /** Sends {@code body} and waits for the answer; on any failure the connection is closed and the error thrown. */
    Response post(byte[] body) throws IOException {
        try {
            connect();
            out.write(head);
            out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Sends a GET of {@code pathAndQuery} (raw, already percent-encoded, starting with {@code /}) to the endpoint's
     * server and waits for the answer; on any failure the connection is closed and the error thrown.
     */
    Response get(String pathAndQuery) throws IOException {
        if (!pathAndQuery.startsWith("/") || pathAndQuery.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("A raw path starting with /, not " + pathAndQuery);
        }
        try {
            connect();
            out.write(("GET " + pathAndQuery + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(getHeaders);
            out.flush();
            return readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws IOException {
        Socket opened = new Socket();
        try {
            opened.setTcpNoDelay(true);
            opened.setSoTimeout((int) timeout.toMillis());
            opened.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), (int) timeout.toMillis());
            in = new BufferedInputStream(opened.getInputStream(), 8 * 1024);
            out = new BufferedOutputStream(opened.getOutputStream(), 8 * 1024);
            socket = opened;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
    }

    private Response readResponse() throws IOException {
        String statusLine = readLine();
        // "HTTP/1.1 202 Accepted"
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("Not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean closeAfter = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("Not a header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> {
                    if (value.contains("close")) {
                        closeAfter = true;
                    } else if (value.contains("keep-alive")) {
                        closeAfter = false;
                    }
                }
                default -> {
                    // not needed here
                }
            }
        }
        if (!chunked && length < 0) {
            // comment-ingest (Reactor Netty) frames every answer; one that is not cannot be read on a kept connection.
            throw new IOException("An answer (status " + status + ") with neither Content-Length nor chunked framing");
        }
        byte[] body = chunked ? readChunked() : readExactly(length);
        if (closeAfter) {
            close();
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int extension = sizeLine.indexOf(';');
            long size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are read and dropped
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new IOException("An answer of more than " + MAX_BODY + " bytes");
            }
            body.writeBytes(readExactly(size));
            if (!readLine().isEmpty()) {
                throw new IOException("A chunk not followed by CRLF");
            }
        }
    }

    private byte[] readExactly(long length) throws IOException {
        if (length > MAX_BODY) {
            throw new IOException("An answer of " + length + " bytes, more than " + MAX_BODY);
        }
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length < length) {
            throw new EOFException("The connection closed after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** One line without its CRLF (or bare LF), as ISO-8859-1. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The connection closed in the middle of an answer");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() == MAX_HEADER_LINE) {
                throw new IOException("A line of more than " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        Socket open = socket;
        socket = null;
        in = null;
        out = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing anyway; nothing more to do
            }
        }
    }
}
