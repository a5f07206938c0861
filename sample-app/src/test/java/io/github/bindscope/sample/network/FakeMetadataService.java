/*
 * Copyright 2026 the Bindscope authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.bindscope.sample.network;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A cloud's instance metadata service, as a program of its own that the cloud tests run
 * in the router of their simulated cloud, on {@code 169.254.169.254:80}. It speaks one
 * provider's protocol as the provider documents it, and refuses what the real service
 * refuses, so that a lookup succeeds only if it sends what the real one requires:
 * <ul>
 * <li>{@code aws}: IMDSv2. {@code PUT /latest/api/token} with
 * {@code X-aws-ec2-metadata-token-ttl-seconds} from 1 to 21600 answers a session token;
 * every {@code GET} under {@code /latest/meta-data/} needs it in
 * {@code X-aws-ec2-metadata-token} (401 otherwise). {@code public-ipv4} and
 * {@code local-ipv4} answer; {@code ipv6} is 404, as on an instance without one.</li>
 * <li>{@code gcp}: every request needs {@code Metadata-Flavor: Google} (403 otherwise)
 * and every answer carries it; {@code network-interfaces/0/ip} and
 * {@code network-interfaces/0/access-configs/0/external-ip} answer.</li>
 * <li>{@code azure}: every request needs {@code Metadata: true} (400 otherwise);
 * {@code /metadata/instance/network?api-version=2021-02-01} answers the network
 * document.</li>
 * <li>{@code silent}: accepts connections and never answers, as a service that
 * hangs.</li>
 * </ul>
 * Requests that carry {@code X-Forwarded-For} are refused, as all three refuse requests
 * that came through a proxy. Each request is printed as a line, {@code request METHOD
 * PATH header=value... -> STATUS}, for the tests to check.
 * <p>
 * Arguments: the mode, the address to listen on, the port, the public address and the
 * private address to report.
 */
public final class FakeMetadataService {

	static final String LISTENING = "listening";

	static final String REQUEST = "request ";

	private static final String TOKEN = "AQAEAFake-session-token-for-the-simulated-cloud==";

	private static final String WARM_UP_PATH = "/warm-up";

	private static final int WARM_UP_REQUESTS = 20;

	private final String publicAddress;

	private final String privateAddress;

	private FakeMetadataService(String publicAddress, String privateAddress) {
		this.publicAddress = publicAddress;
		this.privateAddress = privateAddress;
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 5) {
			throw new IllegalArgumentException(
					"Expected mode, address, port, public address and private address, got " + List.of(args));
		}
		String mode = args[0];
		InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
		FakeMetadataService service = new FakeMetadataService(args[3], args[4]);
		if (mode.equals("silent")) {
			service.silent(bind);
			return;
		}
		HttpServer server = HttpServer.create(bind, 50);
		server.createContext("/", (exchange) -> service.handle(mode, exchange));
		server.start();
		warmUp(bind);
		System.out.println(LISTENING);
	}

	/**
	 * Answer a few requests of its own before saying it listens: a new JVM answers its
	 * first requests slowly, and a lookup's timeout should measure the client, not this.
	 */
	private static void warmUp(InetSocketAddress bind) throws IOException {
		for (int i = 0; i < WARM_UP_REQUESTS; i++) {
			try (Socket socket = new Socket(bind.getAddress(), bind.getPort())) {
				socket.setSoTimeout(10_000);
				socket.getOutputStream()
					.write(("GET " + WARM_UP_PATH + " HTTP/1.1\r\nHost: " + bind.getAddress().getHostAddress()
							+ "\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				socket.getInputStream().readAllBytes();
			}
		}
	}

	/**
	 * Accept every connection and hold it, reading and writing nothing, until the process
	 * is killed.
	 */
	private void silent(InetSocketAddress bind) throws IOException {
		List<Socket> held = new ArrayList<>();
		try (ServerSocket server = new ServerSocket()) {
			server.bind(bind, 50);
			System.out.println(LISTENING);
			while (true) {
				Socket socket = server.accept();
				held.add(socket);
				System.out.println(REQUEST + "(connection held without an answer) -> none");
			}
		}
	}

	private void handle(String mode, HttpExchange exchange) throws IOException {
		String method = exchange.getRequestMethod();
		URI uri = exchange.getRequestURI();
		if (uri.getPath().equals(WARM_UP_PATH)) {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		StringBuilder line = new StringBuilder(REQUEST).append(method).append(' ').append(uri);
		Answer answer;
		if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
			answer = new Answer(403, "Forbidden: came through a proxy");
		}
		else {
			answer = switch (mode) {
				case "aws" -> aws(exchange, method, uri.getPath(), line);
				case "gcp" -> gcp(exchange, uri.getPath(), line);
				case "azure" -> azure(exchange, uri, line);
				default -> new Answer(500, "Unknown mode " + mode);
			};
		}
		System.out.println(line.append(" -> ").append(answer.status()));
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(answer.status(), (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

	private Answer aws(HttpExchange exchange, String method, String path, StringBuilder line) {
		if (path.equals("/latest/api/token")) {
			String ttl = header(exchange, "X-aws-ec2-metadata-token-ttl-seconds", "ttl", line);
			Integer seconds = parse(ttl);
			if (!method.equals("PUT") || seconds == null || seconds < 1 || seconds > 21600) {
				return new Answer(400, "");
			}
			return new Answer(200, TOKEN);
		}
		String token = exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token");
		String shown = "missing";
		if (token != null) {
			shown = TOKEN.equals(token) ? "valid" : "wrong";
		}
		line.append(" token=").append(shown);
		if (!TOKEN.equals(token)) {
			return new Answer(401, "");
		}
		return switch (path) {
			case "/latest/meta-data/public-ipv4" -> new Answer(200, this.publicAddress);
			case "/latest/meta-data/local-ipv4" -> new Answer(200, this.privateAddress);
			default -> new Answer(404, "");
		};
	}

	private Answer gcp(HttpExchange exchange, String path, StringBuilder line) {
		String flavor = header(exchange, "Metadata-Flavor", "flavor", line);
		if (!"Google".equals(flavor)) {
			return new Answer(403, "Missing Metadata-Flavor:Google header.");
		}
		exchange.getResponseHeaders().set("Metadata-Flavor", "Google");
		return switch (path) {
			case "/computeMetadata/v1/instance/network-interfaces/0/ip" -> new Answer(200, this.privateAddress);
			case "/computeMetadata/v1/instance/network-interfaces/0/access-configs/0/external-ip" ->
				new Answer(200, this.publicAddress);
			default -> new Answer(404, "");
		};
	}

	private Answer azure(HttpExchange exchange, URI uri, StringBuilder line) {
		String metadata = header(exchange, "Metadata", "metadata", line);
		if (!"true".equals(metadata)) {
			return new Answer(400, "{\"error\": \"Bad request. Required metadata header not specified\"}");
		}
		if (!"/metadata/instance/network".equals(uri.getPath())) {
			return new Answer(404, "");
		}
		if (uri.getQuery() == null || !uri.getQuery().startsWith("api-version=")) {
			return new Answer(400, "{\"error\": \"Bad request. api-version was not specified in the request.\"}");
		}
		return new Answer(200, String.format(Locale.ROOT,
				"{\"interface\": [{\"ipv4\": {\"ipAddress\": [{\"privateIpAddress\": \"%s\", \"publicIpAddress\": "
						+ "\"%s\"}], \"subnet\": [{\"address\": \"10.0.0.0\", \"prefix\": \"24\"}]}, \"ipv6\": "
						+ "{\"ipAddress\": []}, \"macAddress\": \"000D3AF806EC\"}]}",
				this.privateAddress, this.publicAddress));
	}

	private static @Nullable String header(HttpExchange exchange, String name, String shown, StringBuilder line) {
		String value = exchange.getRequestHeaders().getFirst(name);
		line.append(' ').append(shown).append('=').append((value != null) ? value : "missing");
		return value;
	}

	private static @Nullable Integer parse(@Nullable String number) {
		try {
			return (number != null) ? Integer.valueOf(number.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private record Answer(int status, String body) {

	}

}
