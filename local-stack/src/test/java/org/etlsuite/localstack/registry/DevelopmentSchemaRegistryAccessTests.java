package org.etlsuite.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may change the registry, and how big a request may be: destructive calls need the admin's HTTP Basic
 * credentials, reads and registrations do not, and an oversized body is refused before it has been sent whole.
 */
class DevelopmentSchemaRegistryAccessTests {

    private static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AdminCredentials ADMIN = new AdminCredentials("etl", "registry-admin-secret");
    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

    @TempDir
    Path stateDir;

    private DevelopmentSchemaRegistry registry;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        registry = DevelopmentSchemaRegistry.start("127.0.0.1", 0, stateDir, ADMIN);
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    @Test
    void shouldLetAnyoneReadAndRegisterSchemas() throws Exception {
        assertThat(send("POST", "/subjects/probe-value/versions", schemaBody(), null).body()).isEqualTo("{\"id\":1}");
        assertThat(send("GET", "/subjects", null, null).body()).isEqualTo("[\"probe-value\"]");
        assertThat(send("POST", "/compatibility/subjects/probe-value/versions/latest", schemaBody(), null).body())
                .isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void shouldRefuseToDeleteASubjectWithoutTheAdminsCredentials() throws Exception {
        send("POST", "/subjects/probe-value/versions", schemaBody(), null);

        HttpResponse<String> anonymous = send("DELETE", "/subjects/probe-value", null, null);
        HttpResponse<String> guessed = send("DELETE", "/subjects/probe-value", null, basic("etl", "a-guess"));

        for (HttpResponse<String> refused : List.of(anonymous, guessed)) {
            assertUnauthorized(refused);
        }
        assertThat(send("GET", "/subjects", null, null).body()).isEqualTo("[\"probe-value\"]");
    }

    @Test
    void shouldDeleteASubjectForTheAdmin() throws Exception {
        send("POST", "/subjects/probe-value/versions", schemaBody(), null);

        HttpResponse<String> deleted = send("DELETE", "/subjects/probe-value", null, basic(ADMIN.user(), ADMIN.password()));

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("[1]");
        assertThat(send("GET", "/subjects", null, null).body()).isEqualTo("[]");
    }

    @Test
    void shouldRefuseToDeleteAVersionWithoutTheAdminsCredentials() throws Exception {
        send("POST", "/subjects/probe-value/versions", schemaBody(), null);

        assertUnauthorized(send("DELETE", "/subjects/probe-value/versions/1", null, null));
        assertThat(send("DELETE", "/subjects/probe-value/versions/1", null, basic(ADMIN.user(), ADMIN.password())).body())
                .isEqualTo("1");
    }

    @Test
    void shouldRefuseToChangeCompatibilityWithoutTheAdminsCredentials() throws Exception {
        String none = "{\"compatibility\":\"NONE\"}";

        assertUnauthorized(send("PUT", "/config", none, null));
        assertUnauthorized(send("PUT", "/config/probe-value", none, basic("someone", ADMIN.password())));
        assertThat(send("GET", "/config", null, null).body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");

        HttpResponse<String> changed = send("PUT", "/config/probe-value", none, basic(ADMIN.user(), ADMIN.password()));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"compatibility\":\"NONE\"}");
        assertThat(send("PUT", "/config", none, basic(ADMIN.user(), ADMIN.password())).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAcceptABodyOfExactlyTheLimit() throws Exception {
        String body = schemaBody();
        // JSON allows any amount of whitespace after the value
        String padded = body + " ".repeat(RegistryHttpHandler.MAX_BODY_BYTES - body.length());

        HttpResponse<String> response = send("POST", "/subjects/probe-value/versions", padded, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldRefuseADeclaredOversizedBodyWithoutWaitingForIt() throws Exception {
        int declared = RegistryHttpHandler.MAX_BODY_BYTES + 1;
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/probe-value/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: " + V1_JSON + "\r\nContent-Length: " + declared + "\r\n\r\n{\"schema\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // only the headers and a few bytes were sent: a registry reading the whole body first would never answer
            RawResponse response = RawResponse.read(socket.getInputStream());

            assertPayloadTooLarge(response);
        }
        assertThat(send("GET", "/subjects", null, null).body()).isEqualTo("[]");
    }

    @Test
    void shouldRefuseAChunkedBodyOnceItPassesTheLimit() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /subjects/probe-value/versions HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: " + V1_JSON + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            int sent = 0;
            // one byte past the limit, and no last chunk: the body never ends
            while (sent <= RegistryHttpHandler.MAX_BODY_BYTES) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent += chunk.length;
            }
            out.flush();

            assertPayloadTooLarge(RawResponse.read(socket.getInputStream()));
        }
    }

    @Test
    void shouldCheckCredentialsBeforeReadingTheBody() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(("PUT /config HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + V1_JSON
                    + "\r\nContent-Length: 100000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));

            RawResponse response = RawResponse.read(socket.getInputStream());

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("www-authenticate")).isEqualTo(RegistryHttpHandler.CHALLENGE);
        }
    }

    @Test
    void shouldListenOnlyOnTheAddressItWasGiven() throws Exception {
        assertThat(registry.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        Optional<InetAddress> other = nonLoopbackIpv4();
        assumeTrue(other.isPresent(), "this machine has no address besides loopback");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other.get(), registry.port()), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    // ---- helpers ----

    private static void assertUnauthorized(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"schema-registry\", charset=\"UTF-8\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(V1_JSON);
        assertThat(response.body()).isEqualTo("{\"error_code\":401,\"message\":\"Unauthorized\"}");
    }

    private static void assertPayloadTooLarge(RawResponse response) throws IOException {
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).isEqualTo(V1_JSON);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error_code").asInt()).isEqualTo(413);
        assertThat(body.get("message").asText())
                .isEqualTo("HTTP 413 Payload Too Large: the request body is larger than 1048576 bytes");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), registry.port()), 2000);
        // a registry that waited for the whole body would let this read time out
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static String schemaBody() {
        return JSON.createObjectNode().put("schema", SCHEMA).toString();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(registry.url() + path))
                .header("Accept", V1_JSON)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", V1_JSON);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws IOException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    /** Status, headers and a Content-Length body of one HTTP/1.1 answer, read off a raw socket. */
    private record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name);
        }

        static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b == -1) {
                    throw new IOException("connection closed in the middle of the answer's head");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
