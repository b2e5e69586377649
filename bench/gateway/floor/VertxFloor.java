import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The least a reverse proxy on Vert.x core does: one event loop, an HttpServer whose requests go out through a
 * keep-alive HttpClient, answers relayed whole. No router, no Quarkus, none of the gateway's chores. It is the floor
 * the gateway's runtime allows, measured beside the gateway (run.sh with FLOOR=1); not part of the product.
 * Usage: java -cp <gateway's lib/main jars>:. VertxFloor PORT UPSTREAM_PORT
 */
public class VertxFloor {

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setPreferNativeTransport(true));
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(64));
        vertx.createHttpServer().requestHandler(in -> {
            RequestOptions options = new RequestOptions().setMethod(in.method()).setHost("127.0.0.1").setPort(upstream)
                    .setURI(in.uri());
            client.request(options).compose(out -> {
                in.headers().forEach(header -> {
                    if (!header.getKey().equalsIgnoreCase("host")) {
                        out.headers().add(header.getKey(), header.getValue());
                    }
                });
                return out.send();
            }).onSuccess(answer -> {
                HttpServerResponse response = in.response().setStatusCode(answer.statusCode());
                answer.headers().forEach(header -> response.headers().add(header.getKey(), header.getValue()));
                answer.body().onSuccess(response::end);
            }).onFailure(failure -> in.response().setStatusCode(502).end());
        }).listen(port).onSuccess(server -> System.out.println("vertx floor on " + port + ", native transport "
                + vertx.isNativeTransportEnabled()));
    }
}
