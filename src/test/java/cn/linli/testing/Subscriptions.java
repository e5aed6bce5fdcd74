package cn.linli.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** GraphQL subscriptions over a websocket (graphql-transport-ws), authorized by the token, as the consoles open them. */
public final class Subscriptions {
    private Subscriptions() {
    }

    /** Opens the subscription {@code query} at {@code endpoint} and returns the queue of messages received after the ack. */
    public static BlockingQueue<JsonObject> open(Vertx vertx, URI endpoint, String token, String query) throws Exception {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost()).setPort(endpoint.getPort())
                .setURI("/graphql").setSubProtocols(List.of("graphql-transport-ws"))
                .addHeader("Authorization", "Bearer " + token);
        WebSocket socket = vertx.createHttpClient().webSocket(options).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        socket.textMessageHandler(text -> messages.add(new JsonObject(text)));
        socket.writeTextMessage(new JsonObject().put("type", "connection_init").put("payload", new JsonObject()).encode());
        JsonObject ack = messages.poll(10, TimeUnit.SECONDS);
        assertEquals("connection_ack", ack == null ? null : ack.getString("type"));
        socket.writeTextMessage(new JsonObject().put("id", "1").put("type", "subscribe")
                .put("payload", new JsonObject().put("query", query)).encode());
        return messages;
    }
}
